import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { BrandingController } from './branding.controller';
import { BrandingService } from './branding.service';
import { CommuneAccess } from './commune-access.service';
import { CommuneProfilesRepository } from './commune-profiles.repository';
import { CommuneAuditController } from './commune-audit.controller';
import { CommunesController } from './communes.controller';
import { CommunesRepository } from './communes.repository';
import { CommunesService } from './communes.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [CommunesController, MembersController, InvitationsController, CommuneAuditController, BrandingController, MonitoringController],
  providers: [
    CommuneAccess,
    CommunesRepository,
    CommunesService,
    CommuneProfilesRepository,
    BrandingService,
    MonitoringRepository,
    MonitoringService,
    MembersRepository,
    MembersService,
    InvitationsRepository,
    InvitationsService,
  ],
  exports: [CommuneAccess, CommunesRepository],
})
export class CommunesModule {}
