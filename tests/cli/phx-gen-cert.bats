#!/usr/bin/env bats
# phx-gen cert: mix phx.gen.cert. The key and certificate are random, so
# they are checked by parsing them with OpenSSL, field by field; the
# printed text is compared with genuine runs of Phoenix 1.7.24's task
# (tests/fixtures/phx-gen/cert/*.stdout).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

CERT_FIXTURES="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/cert"
# 2025-12-05 02:00:00 UTC: valid from 2025-12-05 to 2026-12-05, midnight
export SOURCE_DATE_EPOCH=1764900000

setup() { web_setup; }

# x509 FILE: openssl's text form of the certificate
x509() {
	openssl x509 -in "$1" -noout -text
}

@test "cert: defaults: files, output and every field as Phoenix's" {
	phx-gen cert >"$BATS_TEST_TMPDIR/stdout"
	diff -u "$CERT_FIXTURES/default.stdout" "$BATS_TEST_TMPDIR/stdout"
	[ "$(web_written)" = "$(printf 'priv/cert/selfsigned.pem\npriv/cert/selfsigned_key.pem')" ]
	run x509 priv/cert/selfsigned.pem
	[ "$status" -eq 0 ]
	[[ "$output" == *"Version: 3 (0x2)"* ]]
	[[ "$output" == *"Signature Algorithm: sha256WithRSAEncryption"* ]]
	[[ "$output" == *"Issuer: O = Phoenix Framework, CN = Self-signed test certificate"* ]]
	[[ "$output" == *"Subject: O = Phoenix Framework, CN = Self-signed test certificate"* ]]
	[[ "$output" == *"Not Before: Dec  5 00:00:00 2025 GMT"* ]]
	[[ "$output" == *"Not After : Dec  5 00:00:00 2026 GMT"* ]]
	[[ "$output" == *"Public-Key: (2048 bit)"* ]]
	[[ "$output" == *"Exponent: 65537 (0x10001)"* ]]
	[[ "$output" == *"X509v3 Basic Constraints: critical"$'\n'"                CA:FALSE"* ]]
	[[ "$output" == *"X509v3 Key Usage: critical"$'\n'"                Digital Signature, Key Encipherment"* ]]
	[[ "$output" == *"X509v3 Extended Key Usage: "$'\n'"                TLS Web Server Authentication, TLS Web Client Authentication"* ]]
	[[ "$output" == *"X509v3 Subject Key Identifier: "* ]]
	[[ "$output" == *"X509v3 Subject Alternative Name: "$'\n'"                DNS:localhost"$'\n'* ]]
	# the extensions in Phoenix's order
	[ "$(grep -o 'X509v3 [A-Za-z ]*:' <<<"$output" | tr -d '\n')" = \
		"X509v3 extensions:X509v3 Basic Constraints:X509v3 Key Usage:X509v3 Extended Key Usage:X509v3 Subject Key Identifier:X509v3 Subject Alternative Name:" ]
}

@test "cert: both times are UTCTime, the serial a positive integer of at most 64 bits" {
	phx-gen cert >/dev/null
	run openssl asn1parse -in priv/cert/selfsigned.pem
	[ "$status" -eq 0 ]
	[ "$(grep -c 'UTCTIME' <<<"$output")" -eq 2 ]
	[[ "$output" == *"UTCTIME           :251205000000Z"* ]]
	[[ "$output" == *"UTCTIME           :261205000000Z"* ]]
	serial=$(openssl x509 -in priv/cert/selfsigned.pem -noout -serial | sed 's/serial=//')
	[ "${#serial}" -le 16 ]
	# UTF8String for both names, as Phoenix's {:utf8String, ...}
	[ "$(grep -c 'UTF8STRING' <<<"$output")" -eq 4 ]
}

@test "cert: the SKI is the SHA-1 of the DER RSAPublicKey" {
	phx-gen cert >/dev/null
	want=$(openssl rsa -in priv/cert/selfsigned_key.pem -RSAPublicKey_out -outform DER 2>/dev/null |
		openssl dgst -sha1 -binary | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
	got=$(x509 priv/cert/selfsigned.pem | grep -A1 'Subject Key Identifier' | tail -1 | tr -d ' :')
	[ -n "$want" ]
	[ "$got" = "$want" ]
}

@test "cert: the key is PKCS#1 RSA-2048, mode 0600, matches the certificate, and is never printed" {
	run phx-gen cert
	[ "$status" -eq 0 ]
	[[ "$output" != *"PRIVATE KEY"* ]]
	[ "$(stat -c %a priv/cert/selfsigned_key.pem)" = 600 ]
	[ "$(head -1 priv/cert/selfsigned_key.pem)" = "-----BEGIN RSA PRIVATE KEY-----" ]
	run openssl rsa -check -noout -in priv/cert/selfsigned_key.pem
	[ "$status" -eq 0 ]
	[[ "$output" == *"RSA key ok"* ]]
	[ "$(openssl rsa -in priv/cert/selfsigned_key.pem -noout -modulus 2>/dev/null)" = \
		"$(openssl x509 -in priv/cert/selfsigned.pem -noout -modulus)" ]
	openssl verify -no_check_time -CAfile priv/cert/selfsigned.pem -partial_chain priv/cert/selfsigned.pem
	# :public_key.pem_encode ends each file with an empty line
	[ "$(tail -c 2 priv/cert/selfsigned_key.pem | od -An -c | tr -d ' ')" = '\n\n' ]
	[ "$(tail -c 2 priv/cert/selfsigned.pem | od -An -c | tr -d ' ')" = '\n\n' ]
}

@test "cert: -o and -n, a SAN for each host, output as Phoenix's" {
	phx-gen cert -o priv/cert/dev -n MyName my-app my-app.local >"$BATS_TEST_TMPDIR/stdout"
	diff -u "$CERT_FIXTURES/named.stdout" "$BATS_TEST_TMPDIR/stdout"
	[ "$(web_written)" = "$(printf 'priv/cert/dev.pem\npriv/cert/dev_key.pem')" ]
	run x509 priv/cert/dev.pem
	[[ "$output" == *"Subject: O = Phoenix Framework, CN = MyName"* ]]
	[[ "$output" == *"DNS:my-app, DNS:my-app.local"* ]]
}

@test "cert: long forms; a host with a comma stays one name" {
	phx-gen cert --output priv/x --name 'A, B' 'a,b.example' c >/dev/null
	run openssl x509 -in priv/x.pem -noout -ext subjectAltName -nameopt RFC2253 -subject
	[[ "$output" == *"DNS:a,b.example, DNS:c"* ]]
	[[ "$output" == *'CN=A\, B'* ]]
}

@test "cert: two runs make two different keys and serials" {
	phx-gen cert -o priv/one >/dev/null
	phx-gen cert -o priv/two >/dev/null
	! cmp -s priv/one_key.pem priv/two_key.pem
	[ "$(openssl x509 -in priv/one.pem -noout -serial)" != "$(openssl x509 -in priv/two.pem -noout -serial)" ]
}

@test "cert: an existing key is not overwritten without consent" {
	mkdir -p priv/cert
	echo mine >priv/cert/selfsigned_key.pem
	run phx-gen cert </dev/null
	[ "$status" -eq 1 ]
	[ "$(cat priv/cert/selfsigned_key.pem)" = mine ]
	[ ! -e priv/cert/selfsigned.pem ]
	run phx-gen cert --yes
	[ "$status" -eq 0 ]
	[ "$(head -1 priv/cert/selfsigned_key.pem)" = "-----BEGIN RSA PRIVATE KEY-----" ]
	[ "$(stat -c %a priv/cert/selfsigned_key.pem)" = 600 ]
}

@test "cert: --dry-run writes nothing and prints no key" {
	run phx-gen cert --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating priv/cert/selfsigned_key.pem"* ]]
	[[ "$output" != *"PRIVATE KEY"* ]]
	[ ! -e priv/cert ]
}

@test "cert: a path out of the project is refused" {
	run phx-gen cert -o ../outside
	[ "$status" -eq 1 ]
	[ ! -e ../outside_key.pem ]
}

@test "cert: switches are strict: an unknown one is a usage error naming it" {
	run phx-gen cert --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"--bogus"* ]]
	[ ! -e priv/cert ]
}

@test "cert: Erlang's :public_key reads the pair and encodes the same bytes; TLS works with it" {
	need elixir elixir
	phx-gen cert >/dev/null
	run elixir "$CERT_FIXTURES/erlang_check.exs" priv/cert/selfsigned_key.pem priv/cert/selfsigned.pem
	[ "$status" -eq 0 ]
	[ "$output" = "der true
cert pem true
key pem true
tls ok" ]
}
