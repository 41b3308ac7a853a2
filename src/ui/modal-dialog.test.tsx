import { cleanup, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { useModalDialog } from './modal-dialog';

afterEach(cleanup);

function Harness(props: { open: () => boolean }) {
  let dialog!: HTMLDialogElement;
  useModalDialog(props.open, () => dialog, () => dialog.querySelector('button')!.focus());
  return (
    <dialog ref={dialog} data-testid="d">
      <button type="button">OK</button>
    </dialog>
  );
}

describe('useModalDialog', () => {
  it('opens at once a dialog whose condition is already true when it mounts', async () => {
    const { getByTestId } = render(() => <Harness open={() => true} />);
    await Promise.resolve();
    expect((getByTestId('d') as HTMLDialogElement).hasAttribute('open')).toBe(true);
  });

  it('stays shut while false, opens when it turns true, and closes with focus back to the opener', async () => {
    const [open, setOpen] = createSignal(false);
    const { getByTestId } = render(() => (
      <>
        <button type="button" data-testid="opener">open</button>
        <Harness open={open} />
      </>
    ));
    const dialog = getByTestId('d') as HTMLDialogElement;
    expect(dialog.hasAttribute('open')).toBe(false);
    (getByTestId('opener') as HTMLButtonElement).focus();
    setOpen(true);
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.activeElement?.textContent).toBe('OK');
    setOpen(false);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(getByTestId('opener'));
  });
});
