// React resets a form's fields when a form action completes, and a select or radio group then
// falls back to its first option, not to what the person chose: after a refused submit, a role
// picker would quietly show Owner. Forms with such controls submit through this instead: the
// same action, in a transition, with no reset, so what was chosen stays chosen.
import { startTransition, type FormEvent } from "react";

export function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(formData));
  };
}
