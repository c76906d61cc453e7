import { useId } from 'react';

/**
 * An (i) marker that explains a metric. The text is the element's accessible description; it
 * appears as a bubble on hover and keyboard focus, or, with `native`, as the browser's own
 * tooltip (for places that clip overflowing content, such as scrolling tables).
 */
export function InfoTip({ text, label, native = false }: { text: string; label: string; native?: boolean }) {
  const id = useId();
  if (native) {
    return (
      <span className="info">
        <button type="button" className="info-button" aria-label={label} aria-description={text} title={text}>
          <span aria-hidden="true">i</span>
        </button>
      </span>
    );
  }
  return (
    <span className="info">
      <button type="button" className="info-button" aria-label={label} aria-describedby={id} aria-description={text}>
        <span aria-hidden="true">i</span>
      </button>
      <span role="tooltip" id={id} className="info-bubble">
        {text}
      </span>
    </span>
  );
}
