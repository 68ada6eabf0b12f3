import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { UnsubscribeParams, UnsubscribeResponse } from './notifications.dto';
import { NotificationsService } from './notifications.service';
import { unsubscribeConfirmPage, unsubscribeDonePage } from './unsubscribe-page';

/**
 * The link of every email (body and List-Unsubscribe header). No login: the token is signed.
 * Browsers get a small page (GET: a confirmation button; POST: the result); API clients and mail
 * clients' one-click POST (`List-Unsubscribe=One-Click`, form-encoded) get JSON.
 */
/** JSON for API and mail clients, a page for browsers (`Accept: text/html`). */
const JSON_OR_PAGE = {
  'application/json': { schema: { $ref: getSchemaPath(UnsubscribeResponse) } },
  'text/html': { schema: { type: 'string', description: 'A small page in the account’s language' } },
};

@ApiTags('notifications')
@ApiExtraModels(UnsubscribeResponse)
@ApiProblemResponses(400, 403)
@Controller('unsubscribe/:token')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What this unsubscribe link stops (changes nothing); a confirmation page for browsers' })
  @ApiOkResponse({ description: 'What the link stops; nothing changed', content: JSON_OR_PAGE })
  async describe(@Param() params: UnsubscribeParams, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<UnsubscribeResponse | string> {
    const view = await this.notifications.describeUnsubscribe(params.token);
    reply.header('Cache-Control', 'no-store');
    if (!wantsHtml(accept)) return view;
    reply.type('text/html; charset=utf-8');
    return unsubscribeConfirmPage(view, params.token, this.notifications.unsubscribeAllToken(params.token));
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe (RFC 8058 one-click): from the commune of the link, or from every email' })
  @ApiOkResponse({ description: 'Unsubscribed (again, if it already was)', content: JSON_OR_PAGE })
  async unsubscribe(@Param() params: UnsubscribeParams, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<UnsubscribeResponse | string> {
    const view = await this.notifications.unsubscribe(params.token);
    reply.header('Cache-Control', 'no-store');
    if (!wantsHtml(accept)) return view;
    reply.type('text/html; charset=utf-8');
    return unsubscribeDonePage(view);
  }
}

function wantsHtml(accept: string | undefined): boolean {
  return Boolean(accept?.includes('text/html'));
}
