import type { BudgetLineInput } from '@communes/shared-contracts';
import { parse } from 'csv-parse/sync';
import type { OpenDataCommune } from '../ocds/ocds.types';
import { OpenDataExportError } from '../values';
import { buildBudgetDataPackage, type BudgetForExport } from './budget-data-package';

const commune: OpenDataCommune = {
  id: '5d2c1f9e-8a47-4b1e-b3c6-2f7e9d0a4b02',
  slug: 'akpro-misserete',
  name: 'Akpro-Missérété',
  department: 'Ouémé',
  country: 'BJ',
};

const primitif: BudgetLineInput[] = [
  { section: 'fonctionnement', direction: 'recette', code: '7011', label: 'Taxe de développement local (TDL)', amount: '45000000' },
  {
    section: 'fonctionnement',
    direction: 'depense',
    code: '6051',
    label: 'Eau, électricité, téléphone',
    amount: '0012000000',
  },
  {
    section: 'investissement',
    direction: 'depense',
    code: '2313',
    label: 'Construction du marché "Zounta", phase 2 ; lot n°1',
    amount: '350000000',
  },
  {
    section: 'investissement',
    direction: 'recette',
    code: '0142',
    label: 'Dotation FADeC\r\nnon affectée',
    amount: '123456789012345678901',
  },
];
const collectif: BudgetLineInput[] = [
  { section: 'fonctionnement', direction: 'depense', code: '6221', label: ' Réduction: fêtes & cérémonies ', amount: '-2500000' },
];

const budgets: BudgetForExport[] = [
  { fiscalYear: 2024, stage: 'primitif', lines: primitif },
  { fiscalYear: 2024, stage: 'collectif', lines: collectif },
  { fiscalYear: 2023, stage: 'execute', lines: [primitif[0]] },
];

describe('buildBudgetDataPackage', () => {
  const { descriptor, csv } = buildBudgetDataPackage({ commune, budgets });

  it('writes a header and one CRLF-terminated record per line, quoting only when needed', () => {
    expect(csv.split('\r\n')).toEqual([
      'commune,fiscal_year,stage,section,direction,code,label,amount',
      'Akpro-Missérété,2024,primitif,fonctionnement,recette,7011,Taxe de développement local (TDL),45000000',
      'Akpro-Missérété,2024,primitif,fonctionnement,depense,6051,"Eau, électricité, téléphone",12000000',
      'Akpro-Missérété,2024,primitif,investissement,depense,2313,"Construction du marché ""Zounta"", phase 2 ; lot n°1",350000000',
      'Akpro-Missérété,2024,primitif,investissement,recette,0142,"Dotation FADeC',
      'non affectée",123456789012345678901',
      'Akpro-Missérété,2024,collectif,fonctionnement,depense,6221," Réduction: fêtes & cérémonies ",-2500000',
      'Akpro-Missérété,2023,execute,fonctionnement,recette,7011,Taxe de développement local (TDL),45000000',
      '',
    ]);
  });

  it('parses back (RFC 4180) to the same values', () => {
    const records: Record<string, string>[] = parse(csv, { columns: true, record_delimiter: '\r\n' });
    const expected = budgets.flatMap((budget) =>
      budget.lines.map((line) => ({
        commune: 'Akpro-Missérété',
        fiscal_year: String(budget.fiscalYear),
        stage: budget.stage,
        section: line.section,
        direction: line.direction,
        code: line.code,
        label: line.label,
        amount: BigInt(line.amount).toString(),
      })),
    );
    expect(records).toEqual(expected);
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });

  it('describes the CSV as a Fiscal Data Package', () => {
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package',
      name: 'budgets-akpro-misserete',
      title: 'Budgets de la commune d’Akpro-Missérété',
      countryCode: 'BJ',
      granularity: 'aggregated',
      fiscalPeriod: { start: '2023-01-01', end: '2024-12-31' },
    });
    const [resource] = descriptor.resources;
    expect(resource).toMatchObject({
      name: 'budget-lines',
      path: 'budgets-akpro-misserete.csv',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n', header: true },
    });
    expect(resource.schema.fields.map((f) => f.name)).toEqual(csv.split('\r\n')[0].split(','));
    expect(resource.schema.fields.find((f) => f.name === 'amount')?.type).toBe('integer');
    expect(resource.schema.fields.find((f) => f.name === 'code')?.type).toBe('string');
    expect(descriptor.model.measures).toEqual({ amount: { source: 'amount', resource: 'budget-lines', currency: 'XOF' } });
  });

  it('maps every model attribute to a CSV column, and every column to the model', () => {
    const columns = descriptor.resources[0].schema.fields.map((f) => f.name);
    const sources = [
      ...Object.values(descriptor.model.measures).map((m) => m.source),
      ...Object.values(descriptor.model.dimensions).flatMap((d) => Object.values(d.attributes).map((a) => a.source)),
    ];
    expect([...sources].sort()).toEqual([...columns].sort());
    for (const dimension of Object.values(descriptor.model.dimensions)) {
      const keys = Array.isArray(dimension.primaryKey) ? dimension.primaryKey : [dimension.primaryKey];
      expect(Object.keys(dimension.attributes)).toEqual(expect.arrayContaining(keys));
    }
  });

  it('serialises to JSON for datapackage.json', () => {
    expect(JSON.parse(JSON.stringify(descriptor))).toEqual(descriptor);
  });

  it('handles a commune with no budget yet', () => {
    const empty = buildBudgetDataPackage({ commune, budgets: [] });
    expect(empty.csv).toBe('commune,fiscal_year,stage,section,direction,code,label,amount\r\n');
    expect(empty.descriptor.fiscalPeriod).toBeUndefined();
  });

  it('refuses amounts that are not integers and values outside the codelists', () => {
    const withLine = (line: Partial<BudgetLineInput>) =>
      buildBudgetDataPackage({ commune, budgets: [{ fiscalYear: 2024, stage: 'primitif', lines: [{ ...primitif[0], ...line }] }] });
    expect(() => withLine({ amount: '12.5' })).toThrow(/7011.*12\.5/);
    expect(() => withLine({ amount: '1 000' })).toThrow(OpenDataExportError);
    expect(() => withLine({ section: 'autre' as never })).toThrow(/section "autre"/);
    expect(() =>
      buildBudgetDataPackage({ commune, budgets: [{ fiscalYear: 2024.5, stage: 'primitif', lines: [] }] }),
    ).toThrow(/fiscal year/);
  });
});
