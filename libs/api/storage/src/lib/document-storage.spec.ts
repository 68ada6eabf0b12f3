import { randomUUID } from 'node:crypto';
import {
  assertListPrefix,
  contentDisposition,
  InvalidObjectKeyError,
  objectKeyFor,
  objectKeyPrefixFor,
  parseObjectKey,
} from './document-storage';

const communeId = '3f2b8c1e-9a4d-4e7b-8c6a-1d2e3f4a5b6c';

describe('object keys', () => {
  it('are communes/<commune id>/<parts>', () => {
    expect(objectKeyFor(communeId, 'documents', 'abc', 'v1.pdf')).toBe(`communes/${communeId}/documents/abc/v1.pdf`);
    expect(objectKeyPrefixFor(communeId)).toBe(`communes/${communeId}/`);
    expect(objectKeyPrefixFor(communeId, 'documents')).toBe(`communes/${communeId}/documents/`);
  });

  it('round-trip through the database as strings', () => {
    const key = objectKeyFor(communeId, 'imports', 'budget_2025-v2.csv');
    expect(parseObjectKey(String(key))).toBe(key);
  });

  it('refuse anything that is not exactly that', () => {
    for (const value of [
      '',
      'communes',
      `communes/${communeId}`,
      `communes/${communeId}/`,
      `communes/not-a-uuid/a.pdf`,
      `communes/${communeId.toUpperCase()}/a.pdf`,
      `communes/${communeId}/../${randomUUID()}/a.pdf`,
      `communes/${communeId}/a//b.pdf`,
      `/communes/${communeId}/a.pdf`,
      `other/${communeId}/a.pdf`,
      `communes/${communeId}/${'a'.repeat(201)}`,
    ]) {
      expect(() => parseObjectKey(value)).toThrow(InvalidObjectKeyError);
    }
    expect(() => objectKeyFor(communeId, ...Array.from({ length: 10 }, () => 'a'.repeat(150)))).toThrow(/longer than 1024/);
  });

  it('accept list prefixes inside communes/ only', () => {
    for (const prefix of ['communes/', `communes/${communeId}/`, `communes/${communeId}/doc`, `communes/${communeId.slice(0, 8)}`]) {
      expect(() => assertListPrefix(prefix)).not.toThrow();
    }
    for (const prefix of ['', 'communes', 'documents/', `communes/${communeId}/../`, `communes/${communeId}/a b`, 'communes//']) {
      expect(() => assertListPrefix(prefix)).toThrow(InvalidObjectKeyError);
    }
  });
});

describe('contentDisposition', () => {
  it('keeps plain names as they are', () => {
    expect(contentDisposition('budget-2025.pdf')).toBe(`attachment; filename="budget-2025.pdf"; filename*=UTF-8''budget-2025.pdf`);
  });

  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Compte administratif – Akpro-Missérété (2024).pdf')).toBe(
      `attachment; filename="Compte administratif _ Akpro-Misserete (2024).pdf"; ` +
        `filename*=UTF-8''Compte%20administratif%20%E2%80%93%20Akpro-Miss%C3%A9r%C3%A9t%C3%A9%20%282024%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes, separators or line breaks', () => {
    const header = contentDisposition('a"b\\c/d\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="a_b_c_d__Set-Cookie: x=1.pdf"; filename*=UTF-8''a%22b_c_d__Set-Cookie%3A%20x%3D1.pdf`);
    expect(contentDisposition('  ')).toContain('filename="document"');
  });
});
