import type { ComponentChildren } from 'preact';
import type { Form } from '../../../core/profile/schema.ts';
import './style.css';

interface Props {
  communeName: string;
  form: Form;
  onStart: () => void;
  /** The staff's way in; absent on a citizen's phone. */
  onAdmin?: () => void;
  /** Shown under the start button: the QR for answering on one's own phone. */
  children?: ComponentChildren;
}

/**
 * What a citizen sees when walking up to the desk: a greeting and one big button, which
 * stays in view on any screen (the greeting scrolls in its own box if it must).
 */
export function StartScreen({ communeName, form, onStart, onAdmin, children }: Props) {
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
      <button type="button" class="btn btn-primary start-button" onClick={onStart}>
        Bắt đầu đánh giá
      </button>
      {children}
      {onAdmin && (
        <button type="button" class="start-admin" onClick={onAdmin}>
          Quản trị
        </button>
      )}
    </main>
  );
}
