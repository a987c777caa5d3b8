import { AuditLog } from './AuditLog'
import { CommunicationActions } from './CommunicationActions'
import { Deliveries } from './Deliveries'
import { DistributionLists } from './DistributionLists'
import { Editions } from './Editions'
import { Reports } from './Reports'
import { Sections } from './Sections'
import { Spokespersons } from './Spokespersons'
import { Users } from './Users'
import { WebhookDeliveries } from './WebhookDeliveries'

export const collections = [Reports, Editions, Sections, CommunicationActions, Spokespersons, Users, AuditLog, WebhookDeliveries, DistributionLists, Deliveries]
