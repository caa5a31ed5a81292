import type { LessonView, Profile, StartState } from '../lib/ipc';

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
  html: '<p>Read <a href="#lesson/two">the next</a> or <a href="https://example.org/guide">a guide</a>.</p>',
  locale: 'en',
  status: 'in_progress',
  reading_minutes: 4,
  position: 1,
  module_lessons: 3,
  module_percent: 0,
  prev: null,
  next: { id: 'two', title: 'Lesson two', locale: 'en' },
  ...over,
});
