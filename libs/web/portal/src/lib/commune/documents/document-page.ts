import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import {
  DatePipe,
  LanguageService,
  LoadFailure,
  PluralPipe,
} from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../../shared/label.pipe';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';
import { fileSize } from './documents';

/** One document with every version (newest first), each downloadable, and its withdrawal. */
@Component({
  selector: 'cp-document-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    DatePipe,
    PluralPipe,
    LabelPipe,
    LoadFailure,
  ],
  templateUrl: './document-page.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPage {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);
  private readonly language = inject(LanguageService);
  private readonly id = routeParam('id');

  protected readonly document = rxResource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    stream: ({ params }) => this.api.document(params.slug, params.id),
  });

  protected downloadUrl(versionId: string): string {
    return this.api.documentDownloadUrl(
      this.context.slug(),
      this.id(),
      versionId,
    );
  }

  protected size(bytes: string) {
    return fileSize(bytes, this.language.locale());
  }
}
