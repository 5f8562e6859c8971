import { backOfficeStaffingDto, backOfficeStaffingInput, backOfficeStaffingVerb } from '@/server/metrics/backoffice-staffing';
import { liveQueue } from '@/server/metrics/live';
import { periodInput, readOverview } from '@/server/metrics/overview';
import { liveQueueDto, metricsOverviewDto, staffingByClassDto, staffingDto } from '@/server/metrics/schemas';
import { staffing, staffingByClass, staffingByClassInput, staffingInput } from '@/server/metrics/staffing';
import { roleProcedure, router } from '../init';

const admin = roleProcedure('admin');

/** Service-level figures, the live queue and the staffing calculator: admins only. */
export const metricsRouter = router({
  overview: admin.input(periodInput).output(metricsOverviewDto).query(({ ctx, input }) => readOverview({ ctx, input })),
  live: admin.output(liveQueueDto).query(({ ctx }) => liveQueue({ ctx })),
  backOfficeStaffing: admin.input(backOfficeStaffingInput).output(backOfficeStaffingDto).query(({ ctx, input }) => backOfficeStaffingVerb({ ctx, input })),
  staffing: admin.input(staffingInput).output(staffingDto).query(({ ctx, input }) => staffing({ ctx, input })),
  staffingByClass: admin.input(staffingByClassInput).output(staffingByClassDto).query(({ ctx, input }) => staffingByClass({ ctx, input })),
});
