/*
 * gen_cert: the key pair and the self-signed certificate of
 * `mix phx.gen.cert`, made with OpenSSL to the same recipe as Phoenix's
 * certificate_and_key/3 (Erlang's :public_key):
 *
 *   - an RSA key of the given size, e = 65537, as PKCS#1 PEM
 *     ("RSA PRIVATE KEY");
 *   - an X.509 v3 certificate signed with sha256WithRSAEncryption, a random
 *     64-bit serial, issuer = subject = O=Phoenix Framework, CN=<name>
 *     (UTF8String both), valid from today 00:00:00Z to today + 365 days
 *     00:00:00Z as UTCTime, and the extensions in Phoenix's order:
 *     basicConstraints CA:false (critical), keyUsage digitalSignature +
 *     keyEncipherment (critical), extendedKeyUsage serverAuth + clientAuth,
 *     subjectKeyIdentifier (SHA-1 of the DER RSAPublicKey), and
 *     subjectAltName with a dNSName per host.
 *
 * Both PEM texts end with an empty line, as :public_key.pem_encode writes
 * them.
 */
#ifndef PHX_GEN_CERT_H
#define PHX_GEN_CERT_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "diag.h"

/*
 * Makes the pair for common_name and hosts[0..nhosts) on the UTC day of
 * now; appends the key's PEM to key_pem and the certificate's to cert_pem
 * (caller's buffers; the caller wipes key_pem, with OPENSSL_cleanse, before
 * releasing it). Returns 0, or -1 with err set (OpenSSL's reason).
 */
int phx_gen_cert_make(int bits, const char *common_name, const char *const *hosts, size_t nhosts,
                      time_t now, struct mx_buf *key_pem, struct mx_buf *cert_pem,
                      struct mx_err *err);

#endif
