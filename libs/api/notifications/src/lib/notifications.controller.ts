import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@communes/api-core';
import { RequireAbility, SignedIn } from '@communes/api-auth';
import { CommuneSlugParams } from '@communes/api-communes';
import { FailedDeliveriesQuery, FailedDeliveryResponse, FollowResponse, NotificationPreferencesResponse, UpdateNotificationPreferencesDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403)
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post('communes/:slug/follow')
  @HttpCode(200)
  @RequireAbility('create', 'Follow')
  @ApiOperation({ summary: 'Follow a commune: emails on its new publications and consultations (idempotent)' })
  @ApiOkResponse({ type: FollowResponse })
  @ApiProblemResponses(404)
  follow(@Param() params: CommuneSlugParams): Promise<FollowResponse> {
    return this.notifications.follow(params.slug);
  }

  @Delete('communes/:slug/follow')
  @HttpCode(204)
  @RequireAbility('delete', 'Follow')
  @ApiOperation({ summary: 'Stop following a commune (idempotent)' })
  @ApiNoContentResponse({ description: 'Not followed any more' })
  @ApiProblemResponses(404)
  async unfollow(@Param() params: CommuneSlugParams): Promise<void> {
    await this.notifications.unfollow(params.slug);
  }

  @Get('me/follows')
  @SignedIn()
  @ApiOperation({ summary: 'The communes the caller follows (nobody else ever sees them)' })
  @ApiOkResponse({ type: FollowResponse, isArray: true })
  myFollows(): Promise<FollowResponse[]> {
    return this.notifications.myFollows();
  }

  @Get('me/notification-preferences')
  @SignedIn()
  @ApiOperation({ summary: 'Email language and whether emails are sent at all' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  myPreferences(): Promise<NotificationPreferencesResponse> {
    return this.notifications.myPreferences();
  }

  @Patch('me/notification-preferences')
  @SignedIn()
  @ApiOperation({ summary: 'Change the email language, or stop/resume every email' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  updateMyPreferences(@Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return this.notifications.updateMyPreferences(body);
  }

  @Get('admin/notifications/failed')
  @RequireAbility('read', 'NotificationDelivery')
  @ApiOperation({ summary: 'ANCB: emails given up after their last attempt, newest first (recipients masked)' })
  @ApiOkResponse({ type: FailedDeliveryResponse, isArray: true })
  failed(@Query() query: FailedDeliveriesQuery): Promise<FailedDeliveryResponse[]> {
    return this.notifications.failedDeliveries(query.limit ?? 100);
  }
}
