import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneStatus, OnboardingChecklistItem } from '@communes/shared-contracts';
import {
  brandingControllerReplaceLogo,
  brandingControllerUpdate,
  communesControllerChangeStatus,
  communesControllerGet,
  communesControllerList,
  communesControllerOnboard,
  communesControllerUpdateChecklist,
  invitationsControllerCreate,
  type BrandingResponse,
  type CommuneDetailResponse,
  type CommuneSummaryResponse,
  type CreatedInvitationResponse,
  type OnboardCommuneDto,
  type UpdateBrandingDto,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

/** The checklist items as the PATCH body names them. */
const CHECKLIST_FIELDS: Record<OnboardingChecklistItem, 'focalPointNamed' | 'staffTrained' | 'firstDocumentsPublished'> = {
  focal_point_named: 'focalPointNamed',
  staff_trained: 'staffTrained',
  first_documents_published: 'firstDocumentsPublished',
};

/** ANCB's calls, on the generated client; promises failing with `ApiError`. */
@Injectable({ providedIn: 'root' })
export class OnboardingApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  async communes(): Promise<CommuneSummaryResponse[]> {
    return (await body(communesControllerList(this.http, this.root, {}))).items;
  }
  commune(slug: string): Promise<CommuneDetailResponse> {
    return body(communesControllerGet(this.http, this.root, { slug }));
  }
  onboard(input: OnboardCommuneDto): Promise<CommuneDetailResponse> {
    return body(communesControllerOnboard(this.http, this.root, { body: input }));
  }
  inviteAdmin(slug: string, email: string): Promise<CreatedInvitationResponse> {
    return body(invitationsControllerCreate(this.http, this.root, { slug, body: { email, role: 'admin' } }));
  }
  /** ANCB may present a commune while it is onboarding (its admins take over afterwards). */
  updateBranding(slug: string, patch: UpdateBrandingDto): Promise<BrandingResponse> {
    return body(brandingControllerUpdate(this.http, this.root, { slug, body: patch }));
  }
  uploadLogo(slug: string, file: File): Promise<BrandingResponse> {
    return body(brandingControllerReplaceLogo(this.http, this.root, { slug, body: { file } }));
  }
  setChecklist(slug: string, item: OnboardingChecklistItem, done: boolean): Promise<CommuneDetailResponse> {
    return body(communesControllerUpdateChecklist(this.http, this.root, { slug, body: { [CHECKLIST_FIELDS[item]]: done } }));
  }
  changeStatus(slug: string, status: CommuneStatus, reason?: string): Promise<CommuneDetailResponse> {
    return body(communesControllerChangeStatus(this.http, this.root, { slug, body: { status, ...(reason ? { reason } : {}) } }));
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
