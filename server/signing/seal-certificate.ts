import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { dataDir } from '@/server/config/data-dir';
import { env } from '@/server/config/env';
import { logger } from '@/server/config/logger';
import { OID } from './oids';

/** The company's seal: its certificate and private key, parsed once. */
export interface SealKey {
  certificate: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
  privateKey: forge.pki.rsa.PrivateKey;
  subject: string;
  development: boolean;
  /** sha256 of the certificate's DER: how an uploaded PDF's seal is recognised as ours. */
  certificateSha256: string;
}

export function certificateSha256(certificate: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

/** Reads a P12 (PKCS#12) and finds the certificate that matches its private key. */
export function parseP12(bytes: Uint8Array, password: string, development: boolean): SealKey {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary'))), false, password);
  const keyBag = p12.getBags({ bagType: OID.pkcs8ShroudedKeyBag })[OID.pkcs8ShroudedKeyBag]?.[0] ?? p12.getBags({ bagType: OID.keyBag })[OID.keyBag]?.[0];
  const privateKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Error('The P12 file holds no private key');
  const chain = (p12.getBags({ bagType: OID.certBag })[OID.certBag] ?? []).map((bag: forge.pkcs12.Bag) => bag.cert).filter((c): c is forge.pki.Certificate => Boolean(c));
  const certificate = chain.find((c) => {
    const key = c.publicKey as forge.pki.rsa.PublicKey;
    return key.n.compareTo(privateKey.n) === 0 && key.e.compareTo(privateKey.e) === 0;
  });
  if (!certificate) throw new Error('No certificate in the P12 file matches its private key');
  const cn = certificate.subject.getField('CN') as { value?: string } | null;
  return { certificate, chain, privateKey, subject: cn?.value ? forge.util.decodeUtf8(cn.value) : 'unknown', development, certificateSha256: certificateSha256(certificate) };
}

/**
 * A self-signed development seal, made once and kept under DATA_DIR/certs. Documents sealed with
 * it say so, and so does the admin page.
 */
export function createDevelopmentP12(): { p12: Buffer; password: string } {
  return createSelfSignedP12({ commonName: 'Dealer Desk DEVELOPMENT seal', organization: DEVELOPMENT_SEAL_ORGANIZATION });
}

/** The organisation named in the development seal's certificate: /verify calls such a seal a test one. */
export const DEVELOPMENT_SEAL_ORGANIZATION = 'Dealer Desk (development, no legal force)';

/** A self-signed seal certificate and key as a PKCS#12 file (ASCII names only, see below). */
export function createSelfSignedP12(name: { commonName: string; organization: string }): { p12: Buffer; password: string } {
  // forge makes the key itself (it uses Node's native generator when it can): a key imported from
  // Node's PEM re-encodes differently and breaks the P12's MAC.
  const { privateKey: key, publicKey } = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
  // ASCII only: node-forge does not encode non-ASCII names canonically (the P12 MAC and the
  // certificate's own signature then fail to verify). The PDF prints the company's name anyway.
  const attributes = [
    { name: 'commonName', value: name.commonName },
    { name: 'organizationName', value: name.organization },
    { shortName: 'C', value: 'UA' },
  ];
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const password = randomBytes(16).toString('hex');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], password, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), password };
}

/** Where the seal comes from: the P12's bytes and password, what a worker thread parses for itself. */
export interface SealKeySource {
  p12: Uint8Array;
  password: string;
  development: boolean;
}

let cachedSource: SealKeySource | undefined;
let cached: SealKey | undefined;

/**
 * The seal's P12 from SEAL_P12_PATH / SEAL_P12_PASSWORD, or else the development seal under
 * DATA_DIR (generated on the first run, and logged loudly). Read once per process.
 */
export function sealKeySource(): SealKeySource {
  if (cachedSource) return cachedSource;
  const config = env();
  if (config.SEAL_P12_PATH) {
    cachedSource = { p12: fs.readFileSync(config.SEAL_P12_PATH), password: config.SEAL_P12_PASSWORD, development: false };
    return cachedSource;
  }
  const dir = path.join(dataDir(), 'certs');
  const file = path.join(dir, 'development-seal.p12');
  const passwordFile = path.join(dir, 'development-seal.password');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const { p12, password } = createDevelopmentP12();
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    fs.writeFileSync(file, p12, { mode: 0o600 });
    logger().warn({ file }, '*** No SEAL_P12_PATH: generated a self-signed DEVELOPMENT seal; signed PDFs say so and have no legal force ***');
  }
  cachedSource = { p12: fs.readFileSync(file), password: fs.readFileSync(passwordFile, 'utf8').trim(), development: true };
  return cachedSource;
}

/** The seal, parsed once per process (each PDF worker thread parses its own: server/signing/pdf-pool.ts). */
export function getSealKey(): SealKey {
  if (cached) return cached;
  const source = sealKeySource();
  cached = parseP12(source.p12, source.password, source.development);
  return cached;
}

export function companyName(): string {
  return env().COMPANY_NAME;
}
