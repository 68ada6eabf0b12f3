import { PDFParse } from 'pdf-parse';

export interface PdfText {
  text: string;
  pageCount: number;
}

/** The text layer of a PDF (scans without OCR give little or none), pages separated by blank lines. */
export async function extractPdfText(bytes: Buffer): Promise<PdfText> {
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { text: result.text.replace(/\n{3,}/g, '\n\n').trim(), pageCount: result.total };
  } finally {
    await parser.destroy();
  }
}
