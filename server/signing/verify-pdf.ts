import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certificateSha256, DEVELOPMENT_SEAL_ORGANIZATION } from './seal-certificate';

export type SignatureCheck =
  | { valid: true; signer: string; signedAt: Date | null; coversWholeFile: boolean; certificateSha256: string; developmentSeal: boolean }
  | { valid: false; reason: 'noSignature' | 'malformed' | 'digestMismatch' | 'badSignature' };

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

/** The last signature dictionary's /ByteRange and /Contents. */
function findSignature(pdf: Buffer): { ranges: [number, number, number, number]; contents: Buffer } | null {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return null;
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 200));
  if (!match) return null;
  const ranges = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c] = ranges;
  if (a !== 0 || c <= b || c > pdf.length) return null;
  const hex = text.slice(b, c).replace(/[<>\s]/g, '').replace(/(00)+$/, '');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length === 0) return null;
  return { ranges, contents: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') };
}

/**
 * Checks a PDF's signature the way a reader does: the signed byte ranges hash to the digest in
 * the PKCS#7 signed attributes, and those attributes carry a valid RSA signature by the
 * certificate in the signature. Also says whether the signature covers the whole file (nothing
 * was appended after signing).
 */
export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  const found = findSignature(pdf);
  if (!found) return { valid: false, reason: 'noSignature' };
  const [a, b, c, d] = found.ranges;
  if (c + d > pdf.length) return { valid: false, reason: 'malformed' };
  try {
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(found.contents.toString('binary')));
    const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
    const certificate = message.certificates[0];
    const signerInfo = message.rawCapture.signerInfos[0];
    if (!certificate || !signerInfo || !Array.isArray(signerInfo.value)) return { valid: false, reason: 'malformed' };
    const parts = signerInfo.value as forge.asn1.Asn1[];
    const attributes = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const encryptedDigest = parts.at(-1);
    if (!attributes || !Array.isArray(attributes.value) || !encryptedDigest || typeof encryptedDigest.value !== 'string') return { valid: false, reason: 'malformed' };

    let digest: string | null = null;
    let signedAt: Date | null = null;
    for (const attribute of attributes.value as forge.asn1.Asn1[]) {
      const [oid, set] = attribute.value as forge.asn1.Asn1[];
      const type = forge.asn1.derToOid(oid?.value as string);
      const first = (set?.value as forge.asn1.Asn1[] | undefined)?.[0];
      if (type === OID_MESSAGE_DIGEST && first) digest = Buffer.from(first.value as string, 'binary').toString('hex');
      if (type === OID_SIGNING_TIME && first) signedAt = forge.asn1.utcTimeToDate(first.value as string);
    }
    if (digest !== createHash('sha256').update(signed).digest('hex')) return { valid: false, reason: 'digestMismatch' };

    // The signature is over the attributes re-encoded as a SET (tag 0x31) instead of [0].
    const asSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes.value as forge.asn1.Asn1[]);
    const attributesDer = Buffer.from(forge.asn1.toDer(asSet).getBytes(), 'binary');
    const certificatePem = forge.pki.certificateToPem(certificate);
    const ok = verifySignature('sha256', attributesDer, new X509Certificate(certificatePem).publicKey, Buffer.from(encryptedDigest.value, 'binary'));
    if (!ok) return { valid: false, reason: 'badSignature' };
    const cn = certificate.subject.getField('CN') as { value?: string } | null;
    const organization = certificate.subject.getField('O') as { value?: string } | null;
    return {
      valid: true,
      signer: cn?.value ? forge.util.decodeUtf8(cn.value) : 'unknown',
      signedAt,
      coversWholeFile: c + d === pdf.length,
      certificateSha256: certificateSha256(certificate),
      developmentSeal: organization?.value === DEVELOPMENT_SEAL_ORGANIZATION,
    };
  } catch {
    return { valid: false, reason: 'malformed' };
  }
}
