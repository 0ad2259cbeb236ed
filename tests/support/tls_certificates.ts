/**
 * @module
 * Certificates for TLS tests, made with the openssl command: a self-signed one for localhost, or a
 * CA and a localhost certificate signed by it (the usual set-up of a MISP instance inside an
 * organisation).
 */
import { equal } from "node:assert/strict";

/** Runs openssl in `dir`; fails the test with its error output when it fails. */
async function openssl(dir: string, args: string[]): Promise<void> {
  const run = await new Deno.Command("openssl", { args, cwd: dir, stdout: "null", stderr: "piped" })
    .output();
  equal(run.code, 0, new TextDecoder().decode(run.stderr));
}

/** Writes `key.pem` and a self-signed `cert.pem` for CN=localhost, valid one day, into `dir`. */
export async function makeSelfSigned(dir: string): Promise<void> {
  await openssl(dir, [
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
    ...["-subj", "/CN=localhost", "-keyout", "key.pem", "-out", "cert.pem"],
  ]);
}

/**
 * Writes a CA (`ca.pem`, `ca.key`) and a certificate for localhost signed by it (`server.pem`,
 * `server.key`) into `dir`.
 */
export async function makeCa(dir: string): Promise<void> {
  await openssl(dir, [
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=kura test CA"],
    ...["-addext", "basicConstraints=critical,CA:TRUE"],
    ...["-addext", "keyUsage=critical,keyCertSign,cRLSign", "-keyout", "ca.key", "-out", "ca.pem"],
  ]);
  await openssl(dir, [
    ...["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost"],
    ...["-keyout", "server.key", "-out", "server.csr"],
  ]);
  await Deno.writeTextFile(
    `${dir}/server.ext`,
    "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
  );
  await openssl(dir, [
    ...["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key"],
    ...["-CAcreateserial", "-days", "1", "-extfile", "server.ext", "-out", "server.pem"],
  ]);
}
