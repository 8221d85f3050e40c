import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { osCodeOf, StartupFailure } from '../startup-failure.ts';

/** A certificate and its key, read and checked at start. */
export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
  /** The names and addresses the certificate is for ("kiosk.example.vn", "192.168.1.10"). */
  names: string[];
  /** When it stops being valid (ms since epoch), for the start-up log. */
  expiresAt: number;
}

/**
 * TLS_CERT and TLS_KEY (PEM file paths) as credentials, or undefined when neither is set
 * (plain HTTP). One set without the other, an unreadable file, or a key that is not the
 * certificate's is a StartupFailure: better no collector than a silently plain one.
 */
export function tlsCredentialsOf(
  certPath: string | undefined,
  keyPath: string | undefined,
): TlsCredentials | undefined {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath)
    throw new StartupFailure('collector.tls-incomplete', {
      missing: certPath ? 'TLS_KEY' : 'TLS_CERT',
    });
  const cert = readPem(certPath);
  const key = readPem(keyPath);
  let certificate: X509Certificate;
  try {
    createSecureContext({ cert, key }); // throws when the key is not the certificate's
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new StartupFailure('collector.tls-invalid', {
      cert: certPath,
      key: keyPath,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  return {
    cert,
    key,
    names: namesOf(certificate),
    expiresAt: Date.parse(certificate.validTo),
  };
}

function readPem(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new StartupFailure('collector.tls-unreadable', { path, code: osCodeOf(error) });
  }
}

/** The subjectAltName entries ("DNS:a, IP Address:10.0.0.5"), in order, without their kind. */
function namesOf(certificate: X509Certificate): string[] {
  return (certificate.subjectAltName ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}
