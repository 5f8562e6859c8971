import { confirmationContactSection, defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'number-transfer',
  version: 1,
  title: t('Заява на переоформлення номера', 'Transfer of a number to another person'),
  description: t('Номер переходить від поточного власника до нового; обидва присутні й ідентифіковані.', 'The number passes from its current owner to a new one; both are present and identified.'),
  sensitive: true,
  notify: { phone: ['transfer.msisdn'], email: ['ownerContact.contactEmail'] },
  guard: {
    number: 'transfer.msisdn',
    unreachableWhen: { field: 'transfer.simStatus', in: ['unavailable'] },
    contactSection: 'ownerContact',
    noticeUk: 'передача вашого номера',
    approvedMeans: t(
      'Номер переходить до нового власника: договір і рахунок за номером — уже на нього.',
      'The number passes to its new owner: the contract and the bill for it are theirs from now on.',
    ),
  },
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
        {
          key: 'simStatus',
          type: 'select',
          label: t('SIM-картка номера', 'The number’s SIM card'),
          required: true,
          options: [
            { value: 'withOwner', label: t('У поточного власника, працює', 'With the current owner, working') },
            { value: 'unavailable', label: t('Втрачена або не працює', 'Lost or not working') },
          ],
        },
      ],
    },
    confirmationContactSection('ownerContact', t('Контакт поточного власника для підтвердження', 'The current owner’s contact for the confirmation')),
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
