import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '@/templates';
import { TEMPLATE_TITLES, templateTitle } from '@/templates/titles';

describe('template titles', () => {
  it('name every form of TEMPLATES, in its order, with its title', () => {
    expect(TEMPLATE_TITLES).toEqual(TEMPLATES.map((template) => ({ id: template.id, title: template.title })));
  });

  it('find a title by id, and nothing for an unknown id', () => {
    expect(templateTitle('sim-replacement')).toEqual({ uk: 'Заява на заміну SIM-картки', en: 'SIM card replacement' });
    expect(templateTitle('no-such-form')).toBeUndefined();
  });
});
