import type { TemplateDef } from './define-template';
import callDetails from './forms/call-details';
import contractTermination from './forms/contract-termination';
import legalEntityCallDetails from './forms/legal-entity-call-details';
import legalEntityNumbers from './forms/legal-entity-numbers';
import legalEntityTariffChange from './forms/legal-entity-tariff-change';
import numberTransfer from './forms/number-transfer';
import prepaidToContract from './forms/prepaid-to-contract';
import simReplacement from './forms/sim-replacement';
import tariffChange from './forms/tariff-change';

/** Every form the app offers, in the order dealers see them. */
export const TEMPLATES: readonly TemplateDef[] = [simReplacement, numberTransfer, tariffChange, prepaidToContract, contractTermination, callDetails, legalEntityNumbers, legalEntityTariffChange, legalEntityCallDetails];

export function findTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

export type { TemplateDef } from './define-template';
