import { defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'number-transfer',
  version: 1,
  title: t('Заява на переоформлення номера', 'Transfer of a number to another person'),
  description: t('Номер переходить від поточного власника до нового; обидва присутні й ідентифіковані.', 'The number passes from its current owner to a new one; both are present and identified.'),
  sensitive: true,
  notify: { phone: ['transfer.msisdn'] },
  parties: [
    { key: 'currentOwner', title: t('Поточний власник', 'Current owner'), kind: 'person', documents: PERSON_DOCUMENTS },
    { key: 'newOwner', title: t('Новий власник', 'New owner'), kind: 'person', documents: PERSON_DOCUMENTS },
  ],
  sections: [
    {
      key: 'transfer',
      title: t('Переоформлення', 'Transfer'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        {
          key: 'reason',
          type: 'select',
          label: t('Підстава', 'Grounds'),
          required: true,
          options: [
            { value: 'agreement', label: t('Домовленість сторін', 'Agreement of the parties') },
            { value: 'family', label: t('Передача члену родини', 'To a family member') },
            { value: 'inheritance', label: t('Спадщина', 'Inheritance') },
          ],
        },
        { key: 'inheritanceCertificate', type: 'text', label: t('Свідоцтво про право на спадщину №', 'Certificate of inheritance No.'), required: true, showIf: { field: 'reason', equals: 'inheritance' }, maxLength: 60 },
        { key: 'transferBalance', type: 'checkbox', label: t('Передати залишок коштів новому власнику', 'Pass the remaining balance to the new owner') },
      ],
    },
    {
      key: 'newOwnerContact',
      title: t('Контакти нового власника', 'New owner’s contacts'),
      fields: [
        { key: 'address', type: 'address', label: t('Адреса для листування', 'Postal address'), required: true },
        { key: 'email', type: 'email', label: t('Електронна пошта', 'E-mail') },
      ],
    },
  ],
});
