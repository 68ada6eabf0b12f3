import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'cp-not-found-page',
  imports: [RouterLink],
  template: `
    <h1>Page introuvable</h1>
    <p>L'adresse demandée ne correspond à aucune page de Communes+.</p>
    <p><a routerLink="/">Voir l'annuaire des communes</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
