import { defineTemplate, TARIFF_EFFECTIVE_FIELD, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'tariff-change',
  version: 1,
  title: t('Заява на зміну тарифного плану', 'Tariff plan change'),
  description: t('Перехід на інший тарифний план з обраної дати.', 'Moving to another tariff plan from the chosen date.'),
  sensitive: false,
  notify: { phone: ['tariff.msisdn'] },
  parties: [{ key: 'subscriber', title: t('Абонент', 'Subscriber'), kind: 'person', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'tariff',
      title: t('Тарифний план', 'Tariff plan'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        { key: 'currentTariff', type: 'tariff', label: t('Поточний тариф', 'Current tariff'), required: true },
        { key: 'newTariff', type: 'tariff', label: t('Новий тариф', 'New tariff'), required: true },
        TARIFF_EFFECTIVE_FIELD,
      ],
    },
  ],
});
