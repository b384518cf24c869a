/*
 * gen_cert: phx.gen.cert's key and certificate with OpenSSL 3 (see
 * gen_cert.h for the recipe). The extensions are built as structures and
 * added with X509_add1_ext_i2d, not through OpenSSL's config-string
 * parser, so that a host name holding a comma or a colon stays one
 * dNSName, as Phoenix puts it.
 */
#include "gen_cert.h"

#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* err from OpenSSL's queue: "<what>: <reason>"; returns -1. */
static int ssl_fail(struct mx_err *err, const char *what)
{
	unsigned long e = ERR_get_error();
	const char *why = e ? ERR_reason_error_string(e) : NULL;
	ERR_clear_error();
	return mx_err_set(err, MX_ERR_OTHER, "%s: %s", what, why ? why : "OpenSSL error");
}

/* O=Phoenix Framework, CN=<name>, each a UTF8String (a non-MBSTRING type
 * is stored as given, whatever OpenSSL's default string mask). */
static X509_NAME *rdn(const char *common_name)
{
	X509_NAME *n = X509_NAME_new();
	if (!n ||
	    !X509_NAME_add_entry_by_NID(n, NID_organizationName, V_ASN1_UTF8STRING,
	                                (const unsigned char *)"Phoenix Framework", -1, -1, 0) ||
	    !X509_NAME_add_entry_by_NID(n, NID_commonName, V_ASN1_UTF8STRING,
	                                (const unsigned char *)common_name, -1, -1, 0)) {
		X509_NAME_free(n);
		return NULL;
	}
	return n;
}

/* Date.utc_today() (plus days) as UTCTime "YYMMDD000000Z". */
static int set_day(ASN1_TIME *t, time_t now, int days)
{
	time_t day = (now / 86400 + days) * 86400;
	struct tm tm;
	char s[32];
	if (!gmtime_r(&day, &tm))
		return 0;
	snprintf(s, sizeof(s), "%02d%02d%02d000000Z", tm.tm_year % 100, tm.tm_mon + 1, tm.tm_mday);
	return ASN1_UTCTIME_set_string(t, s);
}

/* A random unsigned 64-bit serial (:crypto.strong_rand_bytes(8)). */
static int set_serial(X509 *x)
{
	unsigned char raw[8];
	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return 0;
	BIGNUM *bn = BN_bin2bn(raw, sizeof(raw), NULL);
	ASN1_INTEGER *serial = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
	int ok = serial && X509_set_serialNumber(x, serial);
	ASN1_INTEGER_free(serial);
	BN_free(bn);
	return ok;
}

static int add_basic_constraints(X509 *x)
{
	BASIC_CONSTRAINTS *bc = BASIC_CONSTRAINTS_new();
	int ok = bc && X509_add1_ext_i2d(x, NID_basic_constraints, bc, 1, X509V3_ADD_DEFAULT) == 1;
	BASIC_CONSTRAINTS_free(bc); /* cA defaults to FALSE: an empty SEQUENCE */
	return ok;
}

static int add_key_usage(X509 *x)
{
	ASN1_BIT_STRING *ku = ASN1_BIT_STRING_new();
	int ok = ku && ASN1_BIT_STRING_set_bit(ku, 0, 1) /* digitalSignature */ &&
	         ASN1_BIT_STRING_set_bit(ku, 2, 1) /* keyEncipherment */ &&
	         X509_add1_ext_i2d(x, NID_key_usage, ku, 1, X509V3_ADD_DEFAULT) == 1;
	ASN1_BIT_STRING_free(ku);
	return ok;
}

static int add_ext_key_usage(X509 *x)
{
	EXTENDED_KEY_USAGE *eku = sk_ASN1_OBJECT_new_null();
	int ok = eku && sk_ASN1_OBJECT_push(eku, OBJ_nid2obj(NID_server_auth)) &&
	         sk_ASN1_OBJECT_push(eku, OBJ_nid2obj(NID_client_auth)) &&
	         X509_add1_ext_i2d(x, NID_ext_key_usage, eku, 0, X509V3_ADD_DEFAULT) == 1;
	sk_ASN1_OBJECT_free(eku); /* the objects are OpenSSL's static table */
	return ok;
}

/* SHA-1 of the DER RSAPublicKey: the content of the key's BIT STRING in
 * the SubjectPublicKeyInfo. */
static int add_subject_key_id(X509 *x)
{
	const ASN1_BIT_STRING *pk = X509_get0_pubkey_bitstr(x);
	unsigned char md[SHA_DIGEST_LENGTH];
	if (!pk || !SHA1(pk->data, (size_t)pk->length, md))
		return 0;
	ASN1_OCTET_STRING *id = ASN1_OCTET_STRING_new();
	int ok = id && ASN1_OCTET_STRING_set(id, md, sizeof(md)) &&
	         X509_add1_ext_i2d(x, NID_subject_key_identifier, id, 0, X509V3_ADD_DEFAULT) == 1;
	ASN1_OCTET_STRING_free(id);
	return ok;
}

static int add_alt_names(X509 *x, const char *const *hosts, size_t nhosts)
{
	GENERAL_NAMES *names = sk_GENERAL_NAME_new_null();
	int ok = names != NULL;
	for (size_t i = 0; ok && i < nhosts; i++) {
		GENERAL_NAME *g = GENERAL_NAME_new();
		ASN1_IA5STRING *dns = ASN1_IA5STRING_new();
		ok = g && dns && ASN1_STRING_set(dns, hosts[i], -1);
		if (ok) {
			GENERAL_NAME_set0_value(g, GEN_DNS, dns);
			dns = NULL;
			ok = sk_GENERAL_NAME_push(names, g) > 0;
			if (ok)
				g = NULL;
		}
		ASN1_IA5STRING_free(dns);
		GENERAL_NAME_free(g);
	}
	ok = ok && X509_add1_ext_i2d(x, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT) == 1;
	GENERAL_NAMES_free(names);
	return ok;
}

/* The BIO's bytes and the empty line :public_key.pem_encode ends with. */
static void take_pem(BIO *bio, struct mx_buf *out)
{
	char *data;
	long n = BIO_get_mem_data(bio, &data);
	if (n > 0)
		mx_buf_add(out, data, (size_t)n);
	mx_buf_addch(out, '\n');
}

int phx_gen_cert_make(int bits, const char *common_name, const char *const *hosts, size_t nhosts,
                      time_t now, struct mx_buf *key_pem, struct mx_buf *cert_pem,
                      struct mx_err *err)
{
	int ret = -1;
	X509 *x = NULL;
	X509_NAME *name = NULL;
	BIO *kb = NULL, *cb = NULL;
	EVP_PKEY *key = EVP_RSA_gen((unsigned)bits); /* e = 65537 */
	if (!key) {
		ssl_fail(err, "cannot generate the RSA key");
		goto out;
	}
	x = X509_new();
	name = rdn(common_name);
	if (!x || !name || !X509_set_version(x, X509_VERSION_3) || !set_serial(x) ||
	    !X509_set_issuer_name(x, name) || !X509_set_subject_name(x, name) ||
	    !set_day(X509_getm_notBefore(x), now, 0) || !set_day(X509_getm_notAfter(x), now, 365) ||
	    !X509_set_pubkey(x, key)) {
		ssl_fail(err, "cannot build the certificate");
		goto out;
	}
	if (!add_basic_constraints(x) || !add_key_usage(x) || !add_ext_key_usage(x) ||
	    !add_subject_key_id(x) || !add_alt_names(x, hosts, nhosts)) {
		ssl_fail(err, "cannot add the certificate's extensions");
		goto out;
	}
	if (!X509_sign(x, key, EVP_sha256())) {
		ssl_fail(err, "cannot sign the certificate");
		goto out;
	}
	kb = BIO_new(BIO_s_secmem());
	if (!kb)
		kb = BIO_new(BIO_s_mem());
	cb = BIO_new(BIO_s_mem());
	/* the traditional form of an RSA key is PKCS#1, "RSA PRIVATE KEY" */
	if (!kb || !cb ||
	    !PEM_write_bio_PrivateKey_traditional(kb, key, NULL, NULL, 0, NULL, NULL) ||
	    !PEM_write_bio_X509(cb, x)) {
		ssl_fail(err, "cannot encode the key and certificate as PEM");
		goto out;
	}
	take_pem(kb, key_pem);
	take_pem(cb, cert_pem);
	ret = 0;
out:
	BIO_free(kb);
	BIO_free(cb);
	X509_NAME_free(name);
	X509_free(x);
	EVP_PKEY_free(key);
	return ret;
}
