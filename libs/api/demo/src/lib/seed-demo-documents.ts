import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { Client } from 'pg';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';
import { DemoDocument, demoDocumentsFor } from './demo-documents';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];

/**
 * Publishes realistic documents for the pilot communes, once (a commune that already has
 * documents is left alone). Files are real PDFs with a text layer, stored through the same
 * storage port as uploads; their text is extracted by the background worker like any upload,
 * and the search outbox is fed in the same transaction.
 */
export async function seedDemoDocuments(ownerUrl: string, storage: DocumentStorage): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    for (const slug of PILOTS) {
      const commune = await client.query<{ id: string; name: string; department: string; population: number | null }>(
        'select id, name, department, population from communes where slug = $1',
        [slug],
      );
      const row = commune.rows[0];
      if (!row) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [row.id]);
        const existing = await client.query('select 1 from documents where commune_id = $1 limit 1', [row.id]);
        if (existing.rowCount === 0) {
          for (const document of demoDocumentsFor(row)) {
            await publishDemoDocument(client, storage, row.id, row.name, document);
            created += 1;
          }
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return created;
}

async function publishDemoDocument(client: Client, storage: DocumentStorage, communeId: string, communeName: string, document: DemoDocument): Promise<void> {
  const bytes = await renderPdf(communeName, document);
  const documentId = randomUUID();
  const versionId = randomUUID();
  const key = objectKeyFor(communeId, 'documents', documentId, `${versionId}.pdf`);
  await storage.put(key, Readable.from([bytes]), { size: bytes.length, contentType: 'application/pdf' });
  await client.query(
    `insert into documents (commune_id, id, category, fiscal_year, title, description, state, published_at)
     values ($1, $2, $3, $4, $5, $6, 'published', now())`,
    [communeId, documentId, document.category, document.fiscalYear, document.title, document.description],
  );
  await client.query(
    `insert into document_versions (commune_id, id, document_id, version_number, object_key, file_name, media_type,
                                    size_bytes, sha256, text_status, published_at)
     values ($1, $2, $3, 1, $4, $5, 'application/pdf', $6, $7, 'pending', now())`,
    [communeId, versionId, documentId, key, `${slugify(document.title)}.pdf`, bytes.length, createHash('sha256').update(bytes).digest('hex')],
  );
  await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `document:${documentId}`]);
}

function renderPdf(communeName: string, document: DemoDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: document.title, Author: `Commune de ${communeName}` } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(10).fillColor('#555').text(`Commune de ${communeName} — Exercice ${document.fiscalYear}`);
    pdf.moveDown().fontSize(18).fillColor('#000').text(document.title);
    pdf.moveDown().fontSize(11).fillColor('#333').text(document.description);
    for (const paragraph of document.paragraphs) pdf.moveDown().fontSize(11).fillColor('#000').text(paragraph, { align: 'justify' });
    pdf.end();
  });
}

function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
