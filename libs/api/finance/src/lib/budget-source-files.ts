import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { BudgetStage, DocumentCategory } from '@communes/shared-contracts';
import type { CommuneRecord } from '@communes/api-communes';
import { DocumentsService } from '@communes/api-documents';
import { withExtension } from './source-file-name';

/** The document category a budget's source file is filed under. */
export const SOURCE_CATEGORY: Readonly<Record<BudgetStage, DocumentCategory>> = {
  primitif: 'budget_primitif',
  collectif: 'budget_collectif',
  execute: 'compte_administratif',
};

const STAGE_TITLES: Readonly<Record<BudgetStage, string>> = {
  primitif: 'Budget primitif',
  collectif: 'Budget collectif',
  execute: 'Compte administratif',
};

export interface KeptSourceFile {
  documentId: string;
  versionId: string;
  fileName: string;
}

/**
 * Keeps an imported budget file as a draft document of the commune (published with the
 * budget), so that citizens can always check the figures against the file they came from.
 */
@Injectable()
export class BudgetSourceFiles {
  constructor(private readonly documents: DocumentsService) {}

  async keep(
    commune: CommuneRecord,
    file: { bytes: Buffer; fileName: string; format: 'csv' | 'xlsx'; encoding?: string },
    budget: { fiscalYear: number; stage: BudgetStage },
  ): Promise<KeptSourceFile> {
    const fileName = withExtension(file.fileName, file.format);
    const document = await this.documents.create(commune.slug, {
      category: SOURCE_CATEGORY[budget.stage],
      fiscalYear: budget.fiscalYear,
      title: `${STAGE_TITLES[budget.stage]} ${budget.fiscalYear} — tableau des lignes budgétaires`,
      description: `Fichier importé (${fileName}) d'où proviennent les lignes du budget publié sur la plateforme.`,
    });
    // The documents feature checks (type from the bytes) and stores the file like any upload.
    const version = await this.documents.addVersion(commune.slug, document.id, { stream: Readable.from(file.bytes), fileName });
    return { documentId: document.id, versionId: version.id, fileName: version.fileName };
  }
}
