import type { LessonView, Profile, QuizView, StartState } from '../lib/ipc';

export const profile = (over: Partial<Profile> = {}): Profile => ({
  id: 'p1',
  display_name: 'Nguyễn Thị Hương',
  locale: 'vi',
  created_at_ms: 0,
  ...over,
});

export const start = (over: Partial<StartState> = {}): StartState => ({
  device_locale: 'en',
  profiles: [],
  last_profile_id: null,
  locales: [],
  ...over,
});

export const lesson = (over: Partial<LessonView> = {}): LessonView => ({
  id: 'one',
  module_id: 'basics',
  module_title: 'Basics',
  title: 'Lesson one',
  summary: 'The first lesson.',
  html: '<p>Read <a href="#lesson/two">the next</a> or <a href="https://example.org/guide">a guide</a> about <a href="#glossary/phishing">phishing</a>.</p>',
  locale: 'en',
  status: 'in_progress',
  reading_minutes: 4,
  position: 1,
  module_lessons: 3,
  module_percent: 0,
  module_has_quiz: true,
  glossary: [{ id: 'phishing', term: 'Phishing', definition: 'A fake message.', locale: 'en' }],
  prev: null,
  next: { id: 'two', title: 'Lesson two', locale: 'en' },
  ...over,
});

export const quiz = (over: Partial<QuizView> = {}): QuizView => ({
  attempt_id: 'att1',
  module_id: 'basics',
  module_title: 'Basics',
  pass_mark: 70,
  answered: 0,
  result: null,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      scenario: null,
      prompt: 'Which comes first?',
      locale: 'en',
      options: [
        { id: 'b', text: 'Lesson two' },
        { id: 'a', text: 'Lesson one' },
      ],
      feedback: null,
    },
    {
      id: 'q2',
      kind: 'true_false',
      scenario: null,
      prompt: 'There is a third lesson.',
      locale: 'en',
      options: [
        { id: 'true', text: '' },
        { id: 'false', text: '' },
      ],
      feedback: null,
    },
  ],
  ...over,
});
