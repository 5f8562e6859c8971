import { defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'prepaid-to-contract',
  version: 1,
  title: t('Заява на перехід на контракт', 'Move from prepaid to a contract'),
  description: t('Номер переходить з передплати на контрактне обслуговування з рахунком щомісяця.', 'The number moves from prepaid to a contract with a monthly bill.'),
  sensitive: false,
  notify: { phone: ['contract.msisdn'], email: ['contract.email'] },
  parties: [{ key: 'subscriber', title: t('Абонент', 'Subscriber'), kind: 'person', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'contract',
      title: t('Контракт', 'Contract'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        { key: 'tariff', type: 'tariff', label: t('Контрактний тариф', 'Contract tariff'), required: true },
        { key: 'billingAddress', type: 'address', label: t('Адреса для рахунків', 'Billing address'), required: true },
        {
          key: 'billDelivery',
          type: 'select',
          label: t('Як надсилати рахунок', 'Bill delivery'),
          required: true,
          options: [
            { value: 'email', label: t('Електронною поштою', 'By e-mail') },
            { value: 'paper', label: t('Поштою на папері', 'On paper by post') },
          ],
        },
        { key: 'email', type: 'email', label: t('Електронна пошта для рахунків', 'E-mail for bills'), required: true, showIf: { field: 'billDelivery', equals: 'email' } },
        { key: 'keepBalance', type: 'checkbox', label: t('Зарахувати залишок передплати в перший рахунок', 'Credit the prepaid balance to the first bill') },
      ],
    },
  ],
});
