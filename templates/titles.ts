import type { Text } from './define-template';

/**
 * Each form's id and title, in the order of TEMPLATES: what lists, chat cards and the "new
 * application" picker show. Kept apart from the full definitions (every section, field and label
 * of nine forms), which pages that only name a form would otherwise download;
 * tests/unit/template-titles.test.ts holds it equal to TEMPLATES.
 */
export const TEMPLATE_TITLES: readonly { id: string; title: Text }[] = [
  { id: 'sim-replacement', title: { uk: 'Заява на заміну SIM-картки', en: 'SIM card replacement' } },
  { id: 'number-transfer', title: { uk: 'Заява на переоформлення номера', en: 'Transfer of a number to another person' } },
  { id: 'tariff-change', title: { uk: 'Заява на зміну тарифного плану', en: 'Tariff plan change' } },
  { id: 'prepaid-to-contract', title: { uk: 'Заява на перехід на контракт', en: 'Move from prepaid to a contract' } },
  { id: 'contract-termination', title: { uk: 'Заява на розірвання договору', en: 'Contract termination' } },
  { id: 'call-details', title: { uk: 'Запит на деталізацію дзвінків', en: 'Request for call details' } },
  { id: 'legal-entity-numbers', title: { uk: 'Заява на підключення номерів для юридичної особи', en: 'Connecting numbers for a legal entity' } },
  { id: 'legal-entity-tariff-change', title: { uk: 'Заява на зміну тарифу для номерів юридичної особи', en: "Tariff change for a legal entity's numbers" } },
  { id: 'legal-entity-call-details', title: { uk: 'Запит на деталізацію дзвінків номера юридичної особи', en: "Call details of a legal entity's number" } },
];

export function templateTitle(id: string): Text | undefined {
  return TEMPLATE_TITLES.find((template) => template.id === id)?.title;
}
