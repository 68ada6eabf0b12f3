import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the notice reads from a failed call (an `ApiError` has these fields). */
interface FailureFields {
  status: number | null;
  detail: string | null;
  requestId: string | null;
}

/**
 * The notice shown when a page cannot load its data: a plain-language cause (connection,
 * server, not found), the server's detail and request id one click away for support, and a
 * retry button. `error` is whatever the resource failed with.
 */
@Component({
  selector: 'cp-load-failure',
  imports: [TranslocoPipe],
  template: `
    <div class="notice notice--error" role="alert">
      <h2>{{ heading() }}</h2>
      <p>{{ messageKey() | transloco }}</p>
      @if (fields().detail || fields().requestId) {
        <details class="technical">
          <summary>{{ 'common.technicalDetails' | transloco }}</summary>
          @if (fields().detail) {
            <p>{{ fields().detail }}</p>
          }
          @if (fields().requestId) {
            <p>
              {{ 'common.supportReference' | transloco }}
              <code>{{ fields().requestId }}</code>
            </p>
          }
        </details>
      }
      <button type="button" class="cp-button" (click)="retry.emit()">
        {{ 'common.retry' | transloco }}
      </button>
    </div>
  `,
  styles: `
    .notice {
      padding: 1rem;
      border: 1px solid #8f1d1d;
      border-left-width: 0.375rem;
      border-radius: 0.5rem;
      background: #fff;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
    p {
      margin: 0 0 0.75rem;
    }
    .technical {
      margin: 0 0 0.75rem;
      color: var(--cp-color-muted, #4a5360);
      font-size: 0.875rem;
    }
    summary {
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadFailure {
  readonly heading = input.required<string>();
  readonly error = input<unknown>();
  readonly retry = output();

  protected readonly fields = computed(() => readFailure(this.error()));
  protected readonly messageKey = computed(() =>
    failureMessageKey(this.fields().status),
  );
}

/** Root translation key explaining a failure with this HTTP status (0: no response). */
export function failureMessageKey(status: number | null): string {
  if (status === 0) {
    return 'errors.network';
  }
  if (status === 404) {
    return 'errors.notFound';
  }
  if (status !== null && status >= 500) {
    return 'errors.server';
  }
  return 'errors.unexpected';
}

function readFailure(error: unknown): FailureFields {
  if (typeof error !== 'object' || error === null) {
    return { status: null, detail: null, requestId: null };
  }
  const status: unknown = Reflect.get(error, 'status');
  const detail: unknown = Reflect.get(error, 'detail');
  const requestId: unknown = Reflect.get(error, 'requestId');
  return {
    status: typeof status === 'number' ? status : null,
    detail: typeof detail === 'string' ? detail : null,
    requestId: typeof requestId === 'string' ? requestId : null,
  };
}
