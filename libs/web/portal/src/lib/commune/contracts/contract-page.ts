import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, FcfaPipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../../shared/label.pipe';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';

/** One contract awarded (the target of contract search results), with its documents. */
@Component({
  selector: 'cp-contract-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    DatePipe,
    FcfaPipe,
    LabelPipe,
    LoadFailure,
  ],
  template: `
    <a class="back" routerLink="..">{{
      'portal.commune.contracts.back' | transloco
    }}</a>
    @if (contract.error()) {
      <cp-load-failure
        [heading]="'portal.commune.contracts.loadError' | transloco"
        [error]="contract.error()"
        (retry)="contract.reload()"
      />
    } @else if (contract.hasValue()) {
      @let c = contract.value();
      <p class="item__date">{{ c.reference }}</p>
      <h2 lang="fr">{{ c.object }}</h2>
      <dl class="cp-card facts">
        <dt>{{ 'portal.commune.contracts.awardeeCol' | transloco }}</dt>
        <dd>{{ c.awardeeName }}</dd>
        @if (c.awardeeIdentifier) {
          <dt>{{ 'portal.commune.contracts.identifier' | transloco }}</dt>
          <dd>{{ c.awardeeIdentifier }}</dd>
        }
        <dt>{{ 'portal.commune.contracts.amount' | transloco }}</dt>
        <dd>
          <strong>{{ c.amount | cpFcfa }}</strong>
        </dd>
        <dt>{{ 'portal.commune.contracts.awardDate' | transloco }}</dt>
        <dd>{{ c.awardDate | cpDate }}</dd>
        <dt>{{ 'portal.commune.contracts.category' | transloco }}</dt>
        <dd>{{ c.category | cpLabel: 'portal.category' }}</dd>
        <dt>{{ 'portal.commune.contracts.method' | transloco }}</dt>
        <dd>
          {{
            'portal.commune.contracts.method_' + c.procurementMethod | transloco
          }}
        </dd>
        <dt>{{ 'portal.commune.contracts.statusCol' | transloco }}</dt>
        <dd>{{ 'portal.commune.contracts.status_' + c.status | transloco }}</dd>
        @if (c.startDate || c.endDate) {
          <dt>{{ 'portal.commune.contracts.period' | transloco }}</dt>
          <dd>{{ c.startDate | cpDate }} – {{ c.endDate | cpDate }}</dd>
        }
        @if (c.fundingSource) {
          <dt>{{ 'portal.commune.contracts.funding' | transloco }}</dt>
          <dd>{{ c.fundingSource }}</dd>
        }
      </dl>
      @if (c.documents.length > 0) {
        <h3>{{ 'portal.commune.contracts.documents' | transloco }}</h3>
        <ul class="items">
          @for (doc of c.documents; track doc.id) {
            @if (doc.state !== 'draft') {
              <li class="cp-card">
                <a [routerLink]="['../../documents', doc.id]">{{
                  doc.title
                }}</a>
                <p class="item__meta">
                  {{ doc.category | cpLabel: 'portal.category' }}
                </p>
              </li>
            }
          }
        </ul>
      }
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractPage {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);
  private readonly id = routeParam('id');

  protected readonly contract = rxResource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    stream: ({ params }) => this.api.contract(params.slug, params.id),
  });
}
