type Props = {
  label: string;
  offLabel: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
};

/** A rule on or off: a large switch whose caption says what "off" means. */
export default function Toggle(props: Props) {
  return (
    <label class="toggle">
      <span class="toggle__text">
        <span class="toggle__label">{props.label}</span>
        <span class="toggle__state">{props.checked ? '' : props.offLabel}</span>
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={props.checked}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
    </label>
  );
}
