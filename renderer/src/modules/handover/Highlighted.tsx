import { highlightParts } from '../../../../shared/domain/handover';

/** Text with every search word marked, as the log shows the passage a search matched. */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {highlightParts(text, words).map((part, i) =>
        part.hit ? (
          <mark key={i} className="handover-hit">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
