import type { VisitorRow } from './widget-context';
import type { VisitorDto } from './schemas';

export const visitorDtoOf = (visitor: VisitorRow): VisitorDto => ({
  id: visitor.id,
  msisdn: visitor.msisdn,
  email: visitor.email,
  verifiedBy: visitor.verifiedBy,
  locale: visitor.locale,
});
