import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../../shared/label.pipe';
import { CommuneContext } from '../commune-context';
import { DOCUMENT_CATEGORIES, groupDocuments } from './documents';

/**
 * A commune's documents by category and year. The list is loaded once and filtered in the
 * browser (a commune publishes tens to hundreds of documents), so a filter costs no request.
 */
@Component({
  selector: 'cp-commune-documents',
  imports: [RouterLink, TranslocoPipe, DatePipe, LabelPipe, LoadFailure],
  templateUrl: './commune-documents.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneDocuments {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);

  protected readonly documents = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.documents(params),
  });

  protected readonly category = signal('');
  protected readonly year = signal('');

  private readonly all = computed(() =>
    this.documents.hasValue() ? this.documents.value() : [],
  );
  protected readonly categories = computed(() => {
    const present = new Set(this.all().map((d) => d.category));
    return DOCUMENT_CATEGORIES.filter((c) => present.has(c));
  });
  protected readonly years = computed(() =>
    [
      ...new Set(
        this.all()
          .map((d) => d.fiscalYear)
          .filter((y): y is number => y !== null),
      ),
    ].sort((a, b) => b - a),
  );
  protected readonly groups = computed(() =>
    groupDocuments(
      this.all().filter(
        (d) =>
          (this.category() === '' || d.category === this.category()) &&
          (this.year() === '' || String(d.fiscalYear) === this.year()),
      ),
    ),
  );
}
