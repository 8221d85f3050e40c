import type { ComponentChildren } from 'preact';
import type { Form } from '../../../core/profile/schema.ts';
import './style.css';

interface Props {
  communeName: string;
  form: Form;
  onStart: () => void;
  /** The staff's way in; absent on a citizen's phone. */
  onAdmin?: () => void;
  /** Why the start button waits (a new version is being applied); it is enabled when absent. */
  waiting?: string | undefined;
  /** Shown under the start button: the QR for answering on one's own phone. */
  children?: ComponentChildren;
}

/**
 * What a citizen sees when walking up to the desk: a greeting and one big button, which
 * stays in view on any screen (the greeting scrolls in its own box if it must).
 */
export function StartScreen({ communeName, form, onStart, onAdmin, waiting, children }: Props) {
  return (
    <main class={onAdmin ? 'start start-with-admin' : 'start'}>
      <div class="start-intro scroll-hint">
        <p class="start-commune">
          {communeName ? `UBND ${communeName}` : 'Chính quyền thân thiện, vì Nhân dân phục vụ'}
        </p>
        <h1 class="start-title">Khảo sát sự hài lòng</h1>
        <p class="start-welcome">
          Xin chào Ông/Bà! Xin mời Ông/Bà dành khoảng một phút cho biết ý kiến về hoạt động của
          chính quyền và cán bộ, công chức. Phiếu gồm 5 câu hỏi, không cần ghi tên.
        </p>
        <p class="start-audience">{form.audience}</p>
      </div>
      <button
        type="button"
        class="btn btn-primary start-button"
        onClick={onStart}
        disabled={waiting !== undefined}
        aria-describedby={waiting ? 'start-waiting' : undefined}
      >
        Bắt đầu đánh giá
      </button>
      <p id="start-waiting" class="start-waiting" role="status">
        {waiting}
      </p>
      {children}
      {onAdmin && (
        <button type="button" class="start-admin" onClick={onAdmin}>
          Quản trị
        </button>
      )}
    </main>
  );
}
