import { describe, expect, it } from 'vitest';
import { commandFor, isTextField, type KeyLike } from './shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...over });
const pc = { inTextField: false, mac: false };

describe('commandFor', () => {
  it('maps the documented shortcuts', () => {
    expect(commandFor(key({ key: 'Enter', ctrlKey: true }), pc)).toBe('next');
    expect(commandFor(key({ key: 'Enter', metaKey: true }), { inTextField: true, mac: true })).toBe('next');
    expect(commandFor(key({ key: 'ArrowRight', altKey: true }), pc)).toBe('next');
    expect(commandFor(key({ key: 'ArrowLeft', altKey: true }), pc)).toBe('back');
    expect(commandFor(key({ key: 'n', code: 'KeyN', altKey: true }), pc)).toBe('notes');
    expect(commandFor(key({ key: 'π', code: 'KeyP', altKey: true }), { inTextField: true, mac: true })).toBe('promise');
    expect(commandFor(key({ key: 'x', code: 'KeyX', altKey: true }), pc)).toBe('end');
    expect(commandFor(key({ key: 'o', code: 'KeyO', altKey: true }), pc)).toBe('objections');
  });

  it('leaves typing and other combinations alone', () => {
    expect(commandFor(key({ key: 'Enter' }), pc)).toBeNull();
    expect(commandFor(key({ key: 'n', code: 'KeyN' }), pc)).toBeNull();
    expect(commandFor(key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true }), pc)).toBeNull();
    expect(commandFor(key({ key: 'e', code: 'KeyE', altKey: true }), pc)).toBeNull();
    expect(commandFor(key({ key: 'Enter', ctrlKey: true, shiftKey: true }), pc)).toBeNull();
  });

  it('takes Alt+arrows from the browser in fields, except on a Mac where they move by word', () => {
    expect(commandFor(key({ key: 'ArrowLeft', altKey: true }), { inTextField: true, mac: false })).toBe('back');
    expect(commandFor(key({ key: 'ArrowLeft', altKey: true }), { inTextField: true, mac: true })).toBeNull();
    expect(commandFor(key({ key: 'ArrowLeft', altKey: true }), { inTextField: false, mac: true })).toBe('back');
  });
});

describe('isTextField', () => {
  it('knows typing fields from other controls', () => {
    const make = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTextField(make('<textarea></textarea>'))).toBe(true);
    expect(isTextField(make('<input type="date">'))).toBe(true);
    expect(isTextField(make('<input>'))).toBe(true);
    expect(isTextField(make('<input type="checkbox">'))).toBe(false);
    expect(isTextField(make('<button></button>'))).toBe(false);
    expect(isTextField(make('<div contenteditable="true"></div>'))).toBe(true);
    expect(isTextField(make('<div contenteditable="false"></div>'))).toBe(false);
    expect(isTextField(make('<div contenteditable><p>text</p></div>')?.querySelector('p') ?? null)).toBe(true);
  });
});
