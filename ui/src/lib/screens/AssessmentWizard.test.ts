import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipc, type AssessmentView } from '../ipc';
import { profile } from '../../test/fixtures';
import AssessmentWizard from './AssessmentWizard.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return { ...real, ipc: { startAssessment: vi.fn(), answerAssessment: vi.fn(), finishAssessment: vi.fn() } };
});

afterEach(() => vi.clearAllMocks());

const levels = ['Not in place: no.', 'Partly: some.', 'Largely: most.', 'Fully: all.'];
const view = (answers: (number | null)[]): AssessmentView => ({
  id: 'a1',
  answered: answers.filter((a) => a !== null).length,
  total: answers.length,
  domains: [{ id: 'accounts', title: 'Accounts', description: 'Sign-in.', locale: 'en' }],
  questions: answers.map((answer, i) => ({
    id: `q${i}`,
    domain: 'accounts',
    prompt: `Question ${i}?`,
    levels,
    answer,
    locale: 'en',
  })),
});

const props = () => ({ profile: profile({ locale: 'en' }), onfinish: vi.fn(), onback: vi.fn(), onerror: vi.fn() });

describe('AssessmentWizard', () => {
  it('resumes at the first unanswered question and saves an answer at once', async () => {
    vi.mocked(ipc.startAssessment).mockResolvedValue(view([2, null, null]));
    vi.mocked(ipc.answerAssessment).mockResolvedValue(view([2, 3, null]));
    render(AssessmentWizard, props());
    expect((await screen.findByTestId('assessment')).dataset.question).toBe('q1');
    expect(screen.getByTestId('assessment-progress').textContent).toContain('Question 2 of 3');
    const next = screen.getByTestId('assessment-next') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    await fireEvent.click(screen.getByLabelText(/Fully/));
    expect(ipc.answerAssessment).toHaveBeenCalledWith('p1', 'a1', 'q1', 3);
    await vi.waitFor(() => expect(next.disabled).toBe(false));
  });

  it('finishes only when every question is answered, then hands over the report', async () => {
    vi.mocked(ipc.startAssessment).mockResolvedValue(view([1, 1, null]));
    const p = props();
    render(AssessmentWizard, p);
    expect((await screen.findByTestId('assessment')).dataset.question).toBe('q2');
    const finish = screen.getByTestId('assessment-finish') as HTMLButtonElement;
    expect(finish.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Questions still unanswered: 1');
    vi.mocked(ipc.answerAssessment).mockResolvedValue(view([1, 1, 0]));
    await fireEvent.click(screen.getByLabelText(/Not in place/));
    await vi.waitFor(() => expect(finish.disabled).toBe(false));
    const report = { id: 'a1' } as never;
    vi.mocked(ipc.finishAssessment).mockResolvedValue(report);
    await fireEvent.click(finish);
    await vi.waitFor(() => expect(p.onfinish).toHaveBeenCalledWith(report));
  });
});
