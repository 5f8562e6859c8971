import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { constants, createPrivateKey, privateEncrypt } from 'node:crypto';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import { OID } from './oids';
import type { SealKey } from './seal-certificate';

/** DER prefix of a SHA-256 DigestInfo: what RSASSA-PKCS1-v1_5 signs. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The private key as forge's PKCS#7 code calls it, with the RSA operation done by Node's native
 * crypto (forge's pure-JavaScript RSA took most of the sealing time).
 */
function nativeSigningKey(key: SealKey) {
  const nativeKey = createPrivateKey(forge.pki.privateKeyToPem(key.privateKey));
  return {
    ...key.privateKey,
    sign(md: forge.md.MessageDigest) {
      const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
      return privateEncrypt({ key: nativeKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
    },
  } as forge.pki.rsa.PrivateKey;
}

/** A CAdES-detached PKCS#7 signer with the key parsed once (parsing a P12 per document was half the time). */
class SealSigner extends Signer {
  private readonly signingKey: forge.pki.rsa.PrivateKey;

  constructor(private readonly key: SealKey) {
    super();
    this.signingKey = nativeSigningKey(key);
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const certificate of this.key.chain) p7.addCertificate(certificate);
    p7.addSigner({
      key: this.signingKey,
      certificate: this.key.certificate,
      digestAlgorithm: OID.sha256,
      authenticatedAttributes: [
        { type: OID.contentType, value: OID.data },
        // node-forge's types say string; it encodes a Date as UTCTime.
        { type: OID.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: OID.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

const signers = new WeakMap<SealKey, SealSigner>();
const signPdf = new SignPdf();

/** Adds the signature placeholder, saves without object streams, and signs: the sealed file's bytes. */
export async function sealPdf(doc: PDFDocument, key: SealKey, info: { reason: string; location: string; contact: string; signingTime: Date }): Promise<Buffer> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    name: key.subject,
    location: info.location,
    contactInfo: info.contact,
    signingTime: info.signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const bytes = await doc.save({ useObjectStreams: false });
  let signer = signers.get(key);
  if (!signer) {
    signer = new SealSigner(key);
    signers.set(key, signer);
  }
  return signPdf.sign(Buffer.from(bytes), signer, info.signingTime);
}
