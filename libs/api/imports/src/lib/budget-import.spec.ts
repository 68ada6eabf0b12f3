import { parseBudgetFile } from './budget-import';
import { csvFile, xlsxFile } from '../testing/fixtures';

const HEADER = 'Section;Sens;Code;Libellé;Montant';

describe('parseBudgetFile — CSV', () => {
  it('reads a semicolon CSV in Windows-1252, as Excel saves it on a French Windows', async () => {
    const text = [
      HEADER,
      'Fonctionnement;Recette;70;Produits de l’exploitation – marchés;"12 500 000"',
      'Investissement;Dépense;2313;Construction d\'un module de 3 classes à Zogbo;45.000.000',
    ].join('\r\n');
    const result = await parseBudgetFile(csvFile(text, 'windows-1252'));
    expect(result).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      totalLines: 2,
      errors: [],
      rows: [
        { line: 2, value: { section: 'fonctionnement', direction: 'recette', code: '70', label: 'Produits de l’exploitation – marchés', amount: '12500000' } },
        { line: 3, value: { section: 'investissement', direction: 'depense', code: '2313', label: "Construction d'un module de 3 classes à Zogbo", amount: '45000000' } },
      ],
    });
  });

  it('reads a comma CSV in UTF-8 with BOM, quoted amounts and a quoted multi-line label', async () => {
    const text = 'section,sens,compte,intitulé,montant (FCFA)\n' +
      'fonctionnement,R,7011,"Taxe de développement local, part communale","1,234,567"\n' +
      'investissement,D,2151,"Réhabilitation du marché\nde Dantokpa","2 000 000,00 FCFA"\n' +
      '\n\n';
    const result = await parseBudgetFile(csvFile(text, 'utf-8-bom'));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ',', totalLines: 2 });
    expect(result.rows).toEqual([
      { line: 2, value: { section: 'fonctionnement', direction: 'recette', code: '7011', label: 'Taxe de développement local, part communale', amount: '1234567' } },
      { line: 3, value: { section: 'investissement', direction: 'depense', code: '2151', label: 'Réhabilitation du marché de Dantokpa', amount: '2000000' } },
    ]);
  });

  it('reads a tab-separated UTF-16 export ("Texte Unicode") with plural and accent-free values', async () => {
    const text = 'SECTION\tRECETTES / DEPENSES\tARTICLE\tDESIGNATION\tPREVISIONS\r\nFONCTIONNEMENT\tRECETTES\t74\tDotations FADeC\tXOF 1 234 567\r\n';
    const result = await parseBudgetFile(csvFile(text, 'utf-16le-bom'));
    expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', errors: [] });
    expect(result.rows[0].value).toEqual({ section: 'fonctionnement', direction: 'recette', code: '74', label: 'Dotations FADeC', amount: '1234567' });
  });

  it('reports each bad value on its own line, with the column as titled in the file', async () => {
    const text = [
      'Budget primitif 2024;;;;',
      'Section;Sens;Code;Libellé;Montant (FCFA)',
      'fonct.;Recette;70;Produits;1 000',
      'Fonctionnement;Entrée;71;Impôts;12,5,0',
      'Investissement;D;;;-5 000',
      'Investissement;D;2313;Travaux;1 250,50',
      'Fonctionnement;R;72;Taxes;',
      ';;;TOTAL RECETTES DE FONCTIONNEMENT;1 000',
      'Fonctionnement;R;73;Droits;2 000',
      ';;;Sous-total;3 000',
    ].join('\n');
    const result = await parseBudgetFile(csvFile(text));
    expect(result.totalLines).toBe(8);
    expect(result.rows).toEqual([{ line: 9, value: { section: 'fonctionnement', direction: 'recette', code: '73', label: 'Droits', amount: '2000' } }]);
    expect(result.errors).toEqual([
      { line: 3, column: 'Section', message: 'Section inconnue : « fonct. » (attendu : fonctionnement ou investissement)' },
      { line: 4, column: 'Sens', message: 'Sens inconnu : « Entrée » (attendu : recette ou dépense)' },
      { line: 4, column: 'Montant (FCFA)', message: 'Montant illisible : « 12,5,0 »' },
      { line: 5, column: 'Code', message: 'Code manquant' },
      { line: 5, column: 'Libellé', message: 'Libellé manquant' },
      { line: 5, column: 'Montant (FCFA)', message: 'Montant négatif refusé : « -5 000 »' },
      { line: 6, column: 'Montant (FCFA)', message: "Montant avec des centimes : « 1 250,50 » (le franc CFA n'a pas de centimes)" },
      { line: 7, column: 'Montant (FCFA)', message: 'Montant manquant' },
      { line: 8, column: null, message: 'Ligne de total : retirez-la du fichier, les totaux sont calculés par la plateforme' },
      { line: 10, column: null, message: 'Ligne de total : retirez-la du fichier, les totaux sont calculés par la plateforme' },
    ]);
  });

  it('reports a line with the wrong number of columns, hinting at an unquoted separator', async () => {
    const text = [
      'Section,Sens,Code,Libellé,Montant,',
      'Fonctionnement,R,70,Produits,1000,',
      'Fonctionnement,R,71,Impôts,1,234,567',
      'Fonctionnement,R,72',
      'Fonctionnement,R,73,Droits,2000,,,', // empty trailing cells are harmless
    ].join('\n');
    const result = await parseBudgetFile(csvFile(text));
    expect(result.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(result.errors).toEqual([
      { line: 3, column: null, message: 'Nombre de colonnes incorrect : 7 au lieu de 5 (un « , » dans un montant ou un texte sans guillemets ?)' },
      { line: 4, column: null, message: 'Nombre de colonnes incorrect : 3 au lieu de 5' },
    ]);
  });

  it('reports an empty file, a file of headers only, a missing column and a file without header', async () => {
    expect(await parseBudgetFile(csvFile(''))).toEqual({ rows: [], errors: [{ line: 0, column: null, message: 'Le fichier est vide' }], format: 'unknown', totalLines: 0 });
    expect((await parseBudgetFile(csvFile('\r\n\r\n', 'utf-8-bom'))).errors).toEqual([{ line: 0, column: null, message: 'Le fichier est vide' }]);
    expect((await parseBudgetFile(csvFile(`${HEADER}\r\n\r\n`))).errors).toEqual([{ line: 0, column: null, message: 'Le fichier ne contient aucune ligne' }]);
    expect(await parseBudgetFile(csvFile('Section;Sens;Code;Libellé\nFonctionnement;R;70;Produits\n'))).toMatchObject({
      rows: [],
      totalLines: 1,
      errors: [{ line: 1, column: 'Montant', message: 'Colonne « Montant » manquante' }],
    });
    expect((await parseBudgetFile(csvFile('nom;prénom\nDossou;Koffi\n'))).errors).toEqual([
      { line: 0, column: null, message: "Ligne d'en-têtes introuvable : le tableau doit avoir les colonnes Section, Sens, Code, Libellé, Montant" },
    ]);
  });

  it('answers unreadable bytes with one file-level error instead of throwing', async () => {
    const pdf = await parseBudgetFile({ bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n'), fileName: 'budget.csv' });
    expect(pdf).toEqual({ rows: [], format: 'unknown', totalLines: 0, errors: [{ line: 0, column: null, message: expect.stringContaining('Un PDF ne peut pas être importé') }] });
    const xls = await parseBudgetFile({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), fileName: 'budget.xls' });
    expect(xls.errors[0].message).toContain('Excel 97-2003 (.xls)');
    const damaged = await parseBudgetFile({ bytes: Buffer.from('PK\x03\x04 broken'), fileName: 'budget.xlsx' });
    expect(damaged).toMatchObject({ format: 'xlsx', errors: [{ line: 0, column: null, message: expect.stringContaining('Classeur Excel illisible') }] });
  });

  it('reads a 50,000-line budget', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 50_000; i++) {
      lines.push(`${i % 2 ? 'Fonctionnement' : 'Investissement'};${i % 3 ? 'Dépense' : 'Recette'};${6000 + (i % 900)};Ligne budgétaire n° ${i};"${(i * 1000).toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0')}"`);
    }
    const result = await parseBudgetFile(csvFile(lines.join('\r\n'), 'windows-1252'));
    expect(result.errors).toEqual([]);
    expect(result.totalLines).toBe(50_000);
    expect(result.rows).toHaveLength(50_000);
    expect(result.rows[49_999]).toEqual({
      line: 50_001,
      value: { section: 'investissement', direction: 'depense', code: String(6000 + (50_000 % 900)), label: 'Ligne budgétaire n° 50000', amount: '50000000' },
    });
  });
});

describe('parseBudgetFile — XLSX', () => {
  it('finds the header under merged title rows and reads numbers, text amounts and merged sections', async () => {
    const file = await xlsxFile(
      [
        ['N°', 'Section', 'Sens', 'Imputation', 'Libellé', 'Prévisions 2024'],
        [1, 'Fonctionnement', 'R', 7011, 'Taxe de développement local', 1234567],
        [2, null, 'R', 7012, 'Taxe sur la publicité', '2 500 000 FCFA'],
        [3, 'Investissement', 'D', '2313', 'Construction de latrines', 3_000_000.0],
        [4, 'Investissement', 'D', '2315', 'Pavage', 1500.5],
        [5, 'Investissement', 'D', '2316', 'Forage', { formula: 'F7*2', result: 6_000_000 }],
      ],
      { titles: ['RÉPUBLIQUE DU BÉNIN — COMMUNE DE COTONOU', 'Budget primitif, exercice 2024'], mergeWidth: 6, merges: ['B5:B6'] },
    );
    const result = await parseBudgetFile(file);
    // Rows: 1-2 titles, 3 blank, 4 header, 5.. data.
    expect(result).toMatchObject({ format: 'xlsx', totalLines: 5 });
    expect(result.encoding).toBeUndefined();
    expect(result.errors).toEqual([
      { line: 8, column: 'Prévisions 2024', message: "Montant avec des centimes : « 1500,5 » (le franc CFA n'a pas de centimes)" },
    ]);
    expect(result.rows).toEqual([
      { line: 5, value: { section: 'fonctionnement', direction: 'recette', code: '7011', label: 'Taxe de développement local', amount: '1234567' } },
      { line: 6, value: { section: 'fonctionnement', direction: 'recette', code: '7012', label: 'Taxe sur la publicité', amount: '2500000' } },
      { line: 7, value: { section: 'investissement', direction: 'depense', code: '2313', label: 'Construction de latrines', amount: '3000000' } },
      { line: 9, value: { section: 'investissement', direction: 'depense', code: '2316', label: 'Forage', amount: '6000000' } },
    ]);
  });

  it('reports a workbook with headers only, or without a required column', async () => {
    const headersOnly = await parseBudgetFile(await xlsxFile([['Section', 'Sens', 'Code', 'Libellé', 'Montant']], { titles: ['Budget 2024'], mergeWidth: 5 }));
    expect(headersOnly).toMatchObject({ format: 'xlsx', totalLines: 0, errors: [{ line: 0, column: null, message: 'Le fichier ne contient aucune ligne' }] });
    const noCode = await parseBudgetFile(await xlsxFile([['Section', 'Sens', 'Libellé', 'Montant'], ['Fonctionnement', 'R', 'Taxes', 5]]));
    expect(noCode.errors).toEqual([{ line: 1, column: 'Code', message: 'Colonne « Code » manquante' }]);
  });

  it('ignores the file name: an XLSX named .csv is read as XLSX', async () => {
    const file = await xlsxFile([['Section', 'Sens', 'Code', 'Libellé', 'Montant'], ['Fonctionnement', 'Recettes', '70', 'Produits', 10]]);
    const result = await parseBudgetFile({ bytes: file.bytes, fileName: 'budget.csv' });
    expect(result).toMatchObject({ format: 'xlsx', errors: [], rows: [{ line: 2 }] });
  });
});
