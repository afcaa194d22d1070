import type { Description } from '../notification/describe';

/** Facts and the Marketo error codes' meaning; rendered as text, never as HTML. */
export function NotificationFacts({ description }: { description: Description }) {
  const { facts, errorCodes } = description;
  return (
    <dl class="facts">
      {facts.map((f) => (
        <div class="fact" key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
      {errorCodes.map((errorCode) => (
        <div class="fact" data-testid="error-code" data-code={errorCode.code} key={errorCode.code}>
          <dt>{errorCode.label}</dt>
          <dd>
            {errorCode.meaning} {errorCode.retry && <span class="muted">{errorCode.retry}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
