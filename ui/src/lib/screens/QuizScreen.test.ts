import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipc, type QuizView } from '../ipc';
import { profile, quiz } from '../../test/fixtures';
import QuizScreen from './QuizScreen.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return { ...real, ipc: { startQuiz: vi.fn(), answerQuestion: vi.fn(), finishQuiz: vi.fn() } };
});

afterEach(() => vi.clearAllMocks());

function answered(v: QuizView, qi: number, chosen: string[], correct: string[], credit: number): QuizView {
  const questions = v.questions.map((q, i) =>
    i === qi
      ? {
          ...q,
          feedback: {
            chosen,
            correct,
            credit_percent: credit,
            explanation: 'Because lesson one is first.',
            lesson: { id: 'one', title: 'Lesson one', locale: 'en' as const },
          },
        }
      : q,
  );
  return { ...v, questions, answered: v.answered + 1 };
}

const props = () => ({ profile: profile({ locale: 'en' }), moduleId: 'basics', onlesson: vi.fn(), onback: vi.fn(), onerror: vi.fn() });

describe('QuizScreen', () => {
  it('checks an answer, shows why, and marks right and wrong options', async () => {
    const start = quiz();
    vi.mocked(ipc.startQuiz).mockResolvedValue(start);
    vi.mocked(ipc.answerQuestion).mockResolvedValue(answered(start, 0, ['b'], ['a'], 0));
    render(QuizScreen, props());
    const check = await screen.findByTestId('quiz-check');
    expect((check as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByLabelText('Lesson two'));
    expect((check as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(check);
    expect(ipc.answerQuestion).toHaveBeenCalledWith('p1', 'att1', 'q1', ['b']);
    const feedback = await screen.findByTestId('quiz-feedback');
    expect(feedback.textContent).toContain('Not quite');
    expect(feedback.textContent).toContain('Because lesson one is first.');
    const [b, a] = screen.getAllByTestId('quiz-option');
    expect(b?.className).toContain('wrong');
    expect(a?.className).toContain('right');
    expect(screen.getByTestId('quiz-next')).toBeTruthy();
  });

  it('words true/false options in the interface language and resumes at the first open question', async () => {
    const start = answered(quiz(), 0, ['a'], ['a'], 100);
    vi.mocked(ipc.startQuiz).mockResolvedValue(start);
    render(QuizScreen, props());
    expect((await screen.findByTestId('quiz')).dataset.question).toBe('q2');
    expect(screen.getAllByTestId('quiz-option').map((o) => o.textContent?.trim())).toEqual(['True', 'False']);
  });

  it('shows the result with lessons to review and retries with a fresh attempt', async () => {
    const done: QuizView = {
      ...quiz(),
      result: {
        score: 50,
        passed: false,
        pass_mark: 70,
        best_score: 50,
        module_complete: false,
        review: [{ id: 'one', title: 'Lesson one', locale: 'en' }],
      },
    };
    vi.mocked(ipc.startQuiz).mockResolvedValueOnce(done).mockResolvedValueOnce(quiz({ attempt_id: 'att2' }));
    const p = props();
    render(QuizScreen, p);
    const result = await screen.findByTestId('quiz-result');
    expect(result.dataset.passed).toBe('false');
    expect(screen.getByTestId('quiz-score').textContent).toBe('50%');
    await fireEvent.click(screen.getByText('Lesson one'));
    expect(p.onlesson).toHaveBeenCalledWith('one');
    await fireEvent.click(screen.getByTestId('quiz-retry'));
    expect(ipc.startQuiz).toHaveBeenLastCalledWith('p1', 'basics', true);
    expect(await screen.findByTestId('quiz')).toBeTruthy();
  });
});
