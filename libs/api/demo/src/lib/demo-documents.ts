import type { DocumentCategory } from '@communes/shared-contracts';

/** A demo document: what a pilot commune would really publish, written out in French. */
export interface DemoDocument {
  category: DocumentCategory;
  fiscalYear: number;
  title: string;
  description: string;
  paragraphs: string[];
}

const formatXof = (amount: number) => `${amount.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} FCFA`;

/** The documents each pilot commune publishes, parameterised by its name and size. */
export function demoDocumentsFor(commune: { name: string; department: string; population: number | null }): DemoDocument[] {
  const scale = Math.max(1, Math.round((commune.population ?? 200_000) / 100_000));
  const budget2025 = 1_250_000_000 * scale;
  const budget2024 = 1_180_000_000 * scale;
  const { name, department } = commune;
  return [
    {
      category: 'budget_primitif',
      fiscalYear: 2025,
      title: `Budget primitif 2025 de la commune de ${name}`,
      description: `Budget adopté par le conseil communal de ${name} pour l'exercice 2025.`,
      paragraphs: [
        `République du Bénin — Département ${department === 'Littoral' ? 'du' : "de l'"} ${department} — Commune de ${name}.`,
        `Le budget primitif de l'exercice 2025 s'équilibre en recettes et en dépenses à ${formatXof(budget2025)}.`,
        `La section de fonctionnement s'élève à ${formatXof(Math.round(budget2025 * 0.62))} et couvre notamment les salaires du personnel communal, l'entretien des voies urbaines, l'éclairage public et la collecte des ordures ménagères.`,
        `La section d'investissement s'élève à ${formatXof(Math.round(budget2025 * 0.38))}. Elle finance la construction de modules de classes dans les écoles primaires publiques, l'aménagement de pistes rurales, la réhabilitation du marché central et l'extension du réseau d'adduction d'eau potable.`,
        `Les recettes proviennent des impôts et taxes locaux (taxe foncière unique, taxe sur les marchés), des transferts du Fonds d'appui au développement des communes (FADeC) et des partenaires techniques et financiers.`,
        `Le présent budget a été adopté en session ordinaire du conseil communal et approuvé par l'autorité de tutelle.`,
      ],
    },
    {
      category: 'compte_administratif',
      fiscalYear: 2024,
      title: `Compte administratif 2024 de la commune de ${name}`,
      description: `Exécution du budget de l'exercice 2024, arrêtée par le conseil communal.`,
      paragraphs: [
        `Le compte administratif retrace l'exécution du budget de l'exercice 2024 de la commune de ${name}.`,
        `Les recettes réalisées s'élèvent à ${formatXof(Math.round(budget2024 * 0.87))}, soit un taux de réalisation de 87 % des prévisions.`,
        `Les dépenses exécutées s'élèvent à ${formatXof(Math.round(budget2024 * 0.81))}. Le taux d'exécution de la section d'investissement est de 64 %, en raison du retard de démarrage de deux chantiers de construction d'écoles.`,
        `L'excédent de clôture est reporté au budget de l'exercice 2025.`,
      ],
    },
    {
      category: 'plan_travail_annuel',
      fiscalYear: 2025,
      title: `Plan de travail annuel 2025 — ${name}`,
      description: `Les activités que la mairie prévoit de réaliser en 2025, avec leurs responsables et leur calendrier.`,
      paragraphs: [
        `Axe 1 — Éducation : construction et équipement de trois modules de trois classes ; distribution de tables-bancs.`,
        `Axe 2 — Eau et assainissement : réalisation de forages équipés de pompes à motricité humaine ; curage des caniveaux avant la saison des pluies.`,
        `Axe 3 — Économie locale : réhabilitation du marché central et construction de hangars ; appui aux groupements de femmes transformatrices.`,
        `Axe 4 — Gouvernance : tenue des sessions ordinaires du conseil communal ; deux séances publiques de reddition de comptes ; publication des documents budgétaires en ligne.`,
      ],
    },
    {
      category: 'plan_passation_marches',
      fiscalYear: 2025,
      title: `Plan de passation des marchés publics 2025 — ${name}`,
      description: `Les marchés que la commune prévoit de passer en 2025 et leur mode de passation.`,
      paragraphs: [
        `Travaux de construction d'un module de trois classes à l'école primaire publique — appel d'offres ouvert — premier trimestre.`,
        `Travaux d'aménagement et de rechargement de pistes rurales — appel d'offres ouvert — deuxième trimestre.`,
        `Fourniture de mobilier scolaire (tables-bancs) — demande de cotation — deuxième trimestre.`,
        `Prestations de collecte et d'évacuation des déchets solides ménagers — appel d'offres ouvert — troisième trimestre.`,
      ],
    },
    {
      category: 'deliberation',
      fiscalYear: 2025,
      title: `Délibération portant adoption du budget primitif 2025 — ${name}`,
      description: `Délibération du conseil communal réuni en session ordinaire.`,
      paragraphs: [
        `Le conseil communal de ${name}, réuni en session ordinaire, après en avoir délibéré, adopte le budget primitif de l'exercice 2025.`,
        `Nombre de conseillers présents : 21. Votes pour : 19. Votes contre : 1. Abstention : 1.`,
        `La présente délibération sera transmise à l'autorité de tutelle et publiée.`,
      ],
    },
    {
      category: 'rapport_reddition_comptes',
      fiscalYear: 2024,
      title: `Rapport de la séance de reddition de comptes 2024 — ${name}`,
      description: `Le maire rend compte de la gestion de la commune devant les citoyens.`,
      paragraphs: [
        `La séance publique de reddition de comptes s'est tenue à l'hôtel de ville de ${name} en présence des chefs d'arrondissement, des chefs quartiers, des organisations de la société civile et des citoyens.`,
        `Le maire a présenté l'exécution du budget 2024, l'état d'avancement des chantiers et les difficultés rencontrées dans le recouvrement des recettes propres.`,
        `Les citoyens ont posé des questions sur l'état des routes, l'éclairage public, la gestion des ordures et le calendrier de livraison des salles de classe.`,
      ],
    },
  ];
}
