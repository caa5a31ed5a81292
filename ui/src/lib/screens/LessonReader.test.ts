import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { ipc } from '../ipc';
import { lesson, profile } from '../../test/fixtures';
import LessonReader from './LessonReader.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return { ...real, ipc: { openLesson: vi.fn(), setLessonDone: vi.fn() } };
});

afterEach(() => {
  vi.clearAllMocks();
  i18n.locale = 'en';
});

function setup(view = lesson(), learner = profile({ locale: 'en' })) {
  vi.mocked(ipc.openLesson).mockResolvedValue(view);
  const props = { profile: learner, lessonId: view.id, onopen: vi.fn(), onquiz: vi.fn(), onglossary: vi.fn(), onback: vi.fn(), onerror: vi.fn() };
  render(LessonReader, props);
  return props;
}

describe('LessonReader', () => {
  it('opens the lesson and marks it done', async () => {
    setup();
    expect(await screen.findByTestId('lesson-title')).toHaveProperty('textContent', 'Lesson one');
    expect(ipc.openLesson).toHaveBeenCalledWith('p1', 'one');
    vi.mocked(ipc.setLessonDone).mockResolvedValue(lesson({ status: 'done', module_percent: 33 }));
    await fireEvent.click(screen.getByTestId('mark-done'));
    await vi.waitFor(() => expect(screen.getByTestId('mark-done').dataset.done).toBe('true'));
    expect(ipc.setLessonDone).toHaveBeenCalledWith('p1', 'one', true);
    expect(screen.getByTestId('module-progress').textContent).toContain('33%');
  });

  it('routes lesson links inside the app and does not follow outside links', async () => {
    const props = setup();
    await screen.findByTestId('lesson-body');
    await fireEvent.click(screen.getByText('the next'));
    expect(props.onopen).toHaveBeenCalledWith('two');
    await fireEvent.click(screen.getByText('a guide'));
    expect((await screen.findByTestId('external-link')).textContent).toContain('https://example.org/guide');
    await fireEvent.click(screen.getByText('phishing'));
    const def = await screen.findByTestId('glossary-definition');
    expect(def.textContent).toContain('A fake message.');
    await fireEvent.click(screen.getByText('See all terms in the glossary'));
    expect(props.onglossary).toHaveBeenCalledWith('phishing');
  });

  it('says so when the lesson is shown in English for a Thai learner', async () => {
    i18n.locale = 'th';
    setup(lesson({ locale: 'en' }), profile({ locale: 'th' }));
    const banner = await screen.findByTestId('fallback-banner');
    expect(banner.textContent).toContain('EN');
    expect(banner.textContent).toContain('ไทย');
  });

  it('shows no banner when the lesson is in the learner language', async () => {
    i18n.locale = 'vi';
    setup(lesson({ locale: 'vi', title: 'Bài một' }), profile({ locale: 'vi' }));
    await screen.findByTestId('lesson-title');
    expect(screen.queryByTestId('fallback-banner')).toBeNull();
  });
});
