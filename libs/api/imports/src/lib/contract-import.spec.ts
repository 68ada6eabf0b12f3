import { ContractInput } from '@communes/shared-contracts';
import { parseCategory, parseContractsFile, parseMethod, parseStatus } from './contract-import';
import { normalizeKey } from './normalize';
import { csvFile, day, xlsxFile } from '../testing/fixtures';

const HEADER = "Référence;Objet;Mode de passation;Catégorie;Attributaire;IFU;Montant;Date d'attribution;Date de début;Date de fin;Statut;Source de financement";

describe('parseContractsFile — CSV', () => {
  it('reads every column, mapping French terms to OCDS codes', async () => {
    const text = [
      HEADER,
      "N°001/MC/SG/PRMP/2024;Construction d'un module de 3 classes;Appel d'offres ouvert;Travaux;ETS BATIR PLUS;3201900123456;45 000 000 FCFA;15/03/2024;01-04-2024;2024-09-30;En cours;FADeC",
      'N°002/MC/SG/PRMP/2024;Fourniture de mobilier scolaire;Demande de cotation;Fournitures;SOBEMAT SARL;;4.500.000;20/03/2024;;;;Budget communal',
    ].join('\r\n');
    const result = await parseContractsFile(csvFile(text, 'windows-1252'));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', totalLines: 2 });
    expect(result.rows).toEqual([
      {
        line: 2,
        value: {
          reference: 'N°001/MC/SG/PRMP/2024',
          object: "Construction d'un module de 3 classes",
          procurementMethod: 'open',
          category: 'works',
          awardeeName: 'ETS BATIR PLUS',
          awardeeIdentifier: '3201900123456',
          amount: '45000000',
          awardDate: '2024-03-15',
          startDate: '2024-04-01',
          endDate: '2024-09-30',
          status: 'active',
          fundingSource: 'FADeC',
        },
      },
      {
        line: 3,
        value: {
          reference: 'N°002/MC/SG/PRMP/2024',
          object: 'Fourniture de mobilier scolaire',
          procurementMethod: 'limited',
          category: 'goods',
          awardeeName: 'SOBEMAT SARL',
          awardeeIdentifier: null,
          amount: '4500000',
          awardDate: '2024-03-20',
          startDate: null,
          endDate: null,
          status: 'active', // blank status: in force
          fundingSource: 'Budget communal',
        },
      },
    ]);
  });

  it('works with only the required columns, under other names', async () => {
    const text = 'n° marché,objet du marché,procédure,nature,titulaire,montant ttc,date\nM-01,Curage des caniveaux,Gré à gré,Prestations de services,GIE Propreté,"1 200 000",2024-05-02\n';
    const result = await parseContractsFile(csvFile(text));
    expect(result.errors).toEqual([]);
    expect(result.rows[0].value).toEqual<ContractInput>({
      reference: 'M-01',
      object: 'Curage des caniveaux',
      procurementMethod: 'direct',
      category: 'services',
      awardeeName: 'GIE Propreté',
      awardeeIdentifier: null,
      amount: '1200000',
      awardDate: '2024-05-02',
      startDate: null,
      endDate: null,
      status: 'active',
      fundingSource: null,
    });
  });

  it('reports unknown terms, bad dates and amounts, and a duplicate reference on its second line', async () => {
    const text = [
      HEADER,
      'R1;Pavage;Appel à manifestation;Travaux;ETS A;;1 000;31/02/2024;;;;',
      'R2;Ordinateurs;Appel d\'offres restreint;Informatique;ETS B;;2 000,50;01/03/2024;;;Suspendu;',
      'R3;Forage;Consultation restreinte;Travaux;;;-5 000;;10/06/2024;01/06/2024;;',
      'r1 ;Latrines;Demande de cotation;Travaux;ETS C;;3 000;01/04/2024;;;Annulé;',
    ].join('\n');
    const result = await parseContractsFile(csvFile(text));
    expect(result.rows).toEqual([]);
    expect(result.totalLines).toBe(4);
    expect(result.errors).toEqual([
      { line: 2, column: 'Mode de passation', message: "Mode de passation inconnu : « Appel à manifestation » (attendu : appel d'offres ouvert, appel d'offres restreint, demande de cotation ou gré à gré)" },
      { line: 2, column: "Date d'attribution", message: "Date invalide : « 31/02/2024 » (ce jour n'existe pas)" },
      { line: 3, column: 'Catégorie', message: 'Catégorie inconnue : « Informatique » (attendu : travaux, fournitures ou services)' },
      { line: 3, column: 'Statut', message: 'Statut inconnu : « Suspendu » (attendu : en cours, en attente, terminé, résilié ou annulé)' },
      { line: 3, column: 'Montant', message: "Montant avec des centimes : « 2 000,50 » (le franc CFA n'a pas de centimes)" },
      { line: 4, column: 'Attributaire', message: 'Attributaire manquant' },
      { line: 4, column: 'Montant', message: 'Montant négatif refusé : « -5 000 »' },
      { line: 4, column: "Date d'attribution", message: "Date d'attribution manquante" },
      { line: 4, column: 'Date de fin', message: 'La date de fin (01/06/2024) précède la date de début (10/06/2024)' },
      { line: 5, column: 'Référence', message: 'Référence en double : « r1 » (déjà utilisée ligne 2)' },
    ]);
  });

  it('names the missing required columns', async () => {
    const result = await parseContractsFile(csvFile('Référence;Objet;Attributaire;Montant\nR1;Pavage;ETS A;1000\n'));
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => error.message)).toEqual([
      'Colonne « Mode de passation » manquante',
      'Colonne « Catégorie » manquante',
      "Colonne « Date d'attribution » manquante",
    ]);
    expect(result.errors.every((error) => error.line === 1)).toBe(true);
  });

  it('reports a file of headers only', async () => {
    expect((await parseContractsFile(csvFile(`${HEADER}\n`))).errors).toEqual([{ line: 0, column: null, message: 'Le fichier ne contient aucune ligne' }]);
  });
});

describe('parseContractsFile — XLSX', () => {
  it('reads date cells, numeric amounts and IFU, under a merged title', async () => {
    const file = await xlsxFile(
      [
        ['N°', 'Référence du marché', 'Objet', 'Mode de passation', 'Nature', 'Titulaire', 'IFU', 'Montant (FCFA)', "Date d'attribution", 'Date de fin', 'État'],
        [1, 'AOO-2024-07', 'Réhabilitation du marché', "Appel d'offres ouvert", 'Travaux', 'SOGEA', 3201900123456, 125_000_000, day('2024-07-01'), day('2025-01-31'), 'Résilié pour faute'],
        [2, 'DC-2024-12', 'Étude de faisabilité', 'Demande de renseignements et de prix', 'Prestations intellectuelles', 'Cabinet ECO', null, '8 500 000', '05/08/2024', null, 'En attente de signature'],
      ],
      { titles: ['PLAN DE PASSATION DES MARCHÉS — MARCHÉS ATTRIBUÉS 2024'], mergeWidth: 11 },
    );
    const result = await parseContractsFile(file);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ format: 'xlsx', totalLines: 2 });
    expect(result.rows.map((row) => row.line)).toEqual([4, 5]);
    expect(result.rows[0].value).toMatchObject({
      reference: 'AOO-2024-07',
      awardeeIdentifier: '3201900123456',
      amount: '125000000',
      awardDate: '2024-07-01',
      endDate: '2025-01-31',
      status: 'terminated',
      procurementMethod: 'open',
    });
    expect(result.rows[1].value).toMatchObject({ procurementMethod: 'limited', category: 'services', status: 'pending', awardDate: '2024-08-05' });
  });
});

describe('term mappings', () => {
  it.each([
    ["Appel d'offres ouvert", 'open'],
    ['Appel d’offres national ouvert', 'open'],
    ['AOO', 'open'],
    ["Appel d'offres restreint", 'selective'],
    ['Consultation restreinte', 'selective'],
    ['Demande de cotation', 'limited'],
    ['Consultation', 'limited'],
    ['DRP', 'limited'],
    ['Gré à gré', 'direct'],
    ['Entente directe', 'direct'],
    ['open', 'open'],
  ])('procurement method %j → %s', (text, code) => {
    expect(parseMethod(normalizeKey(text))).toBe(code);
  });

  it('maps categories and statuses', () => {
    expect(['Travaux', 'FOURNITURES', 'Services', 'Prestations intellectuelles', 'Biens'].map((text) => parseCategory(normalizeKey(text)))).toEqual([
      'works',
      'goods',
      'services',
      'services',
      'goods',
    ]);
    expect(['En cours', "En cours d'exécution", 'Résilié', 'Annulé', 'En attente', 'Terminé', 'Achevé', 'cancelled'].map((text) => parseStatus(normalizeKey(text)))).toEqual([
      'active',
      'active',
      'terminated',
      'cancelled',
      'pending',
      'terminated',
      'terminated',
      'cancelled',
    ]);
    expect(parseStatus(normalizeKey('Suspendu'))).toBeNull();
  });
});
