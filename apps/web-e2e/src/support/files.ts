import PDFDocument from 'pdfkit';

/** A real PDF with some text (the API checks the bytes and extracts the text for search). */
export function pdfWithText(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

export const CONTRACTS_HEADER =
  "Référence;Objet;Mode de passation;Catégorie;Attributaire;IFU;Montant;Date d'attribution;Date de début;Date de fin;Statut;Source de financement";
export const BUDGET_HEADER = 'Section;Sens;Code;Libellé;Montant';
