/**
 * The built-in English script: the French one's counterpart, same steps and objections, same tone
 * (present tense, no "you must", no "would/could", facts first). Tested by ../builtin.test.ts.
 */
import type { CallScript } from '../schema';

export const EN_SCRIPT: CallScript = {
  schemaVersion: 1,
  id: 'builtin.en',
  name: 'Friendly payment reminder call',
  locale: 'en',
  version: 1,
  roles: {
    accountant: 'accountant',
    manager: 'manager',
    purchasing: 'purchasing manager',
    accounts_payable: 'accounts payable',
    executive: 'director',
    other: 'contact',
  },
  steps: [
    {
      id: 'presentation',
      title: 'Introduction',
      say: 'Good morning, this is {agent.name} from the accounts receivable team at {agent.company}.',
      captures: [],
      tips: ['A calm voice and an even pace: a smile is audible on the phone.', 'A quiet spot, away from open-plan noise.'],
      fourC: [
        { c: 'clarity', text: 'Your name, your company, your role: nothing more.' },
        { c: 'courtesy', text: 'A neutral, positive tone, whatever the account history.' },
      ],
    },
    {
      id: 'identification',
      title: 'Identifying the person',
      say: 'Am I speaking with {company.name}? I am looking for {contact.name}, {contact.role}. Is that you?',
      captures: [{ id: 'interlocutor', type: 'contact', label: 'Person on the line', required: false }],
      tips: [
        'The right person: the owner of a small business, the accounts payable clerk, or whoever handles invoice anomalies.',
        'Not the right person? The right contact and a call-back go in with "Wrong person".',
      ],
      fourC: [{ c: 'clarity', text: 'Company, person and position are confirmed before going further.' }],
    },
    {
      id: 'explanation',
      title: 'Reason for the call',
      say:
        'I am calling about the payment of {total.overdue}: {invoices.overdue}. The first due date was {oldest.dueDate}. ' +
        'Is anything holding up the payment? What payment date do you have planned?',
      captures: [
        {
          id: 'invoices_received',
          type: 'choice',
          label: 'Invoices received',
          required: false,
          options: [
            { value: 'yes', label: 'Yes, all of them' },
            { value: 'partly', label: 'Some of them' },
            { value: 'no', label: 'No' },
          ],
        },
        { id: 'announced_date', type: 'date', label: 'Payment date announced', required: false },
      ],
      tips: ['The figures are on screen: number, amount, due date.', 'No account history: the purpose of the call, then one question.'],
      fourC: [
        { c: 'concrete', text: 'Invoice numbers and amounts, as shown.' },
        { c: 'concision', text: 'One sentence for the purpose, one question for what comes next.' },
      ],
    },
    {
      id: 'listening',
      title: 'Listening',
      say: 'I am listening. I am noting each point to pass it on to the right team.',
      captures: [{ id: 'key_points', type: 'text', label: 'Key points', required: false }],
      tips: ['Notes stay open at every step and save themselves.', 'Every explanation is taken as genuine: no assumptions, the dialogue stays open.'],
      fourC: [
        { c: 'courtesy', text: 'Let them speak, without interrupting.' },
        { c: 'concision', text: 'Restate what was said in one sentence.' },
      ],
    },
    {
      id: 'delay_reason',
      title: 'Reason for the delay',
      say: 'To be sure I understand: what is delaying the payment today?',
      captures: [{ id: 'reason_detail', type: 'text', label: 'Details of the reason', required: false }],
      tips: [
        'A disputed invoice is paused: the debt is checked before it is chased.',
        'The real cause sometimes goes unsaid (cash flow, approval workflow): an open question helps.',
      ],
      fourC: [{ c: 'clarity', text: 'One precise reason, noted in the customer’s own words.' }],
    },
    {
      id: 'commitments',
      title: 'Confirming commitments',
      say: 'What amount and what payment date do you commit to? Let me restate: you pay {promise.amount} on {promise.date}. Is that right?',
      captures: [],
      tips: [
        'For a payment plan, the customer makes the first offer: amounts and dates.',
        'A payment plan proposal deserves time: it goes to the team lead for approval.',
        'The promise is read back to the customer before it is recorded.',
      ],
      fourC: [
        { c: 'concrete', text: 'An amount, a date, a payment method.' },
        { c: 'clarity', text: 'The restatement repeats the exact figures.' },
      ],
    },
    {
      id: 'anticipation',
      title: 'Looking ahead',
      say: 'For the next due dates, {total.upcoming} in total: {invoices.upcoming}. Is everything in order on your side for these?',
      captures: [
        {
          id: 'upcoming_status',
          type: 'choice',
          label: 'Upcoming invoices',
          required: false,
          options: [
            { value: 'ok', label: 'In order' },
            { value: 'issue', label: 'An issue to solve' },
          ],
        },
        { id: 'upcoming_issue', type: 'text', label: 'Issue to solve', required: false },
      ],
      tips: ['An issue raised now on an upcoming invoice prevents the next delay.'],
      fourC: [{ c: 'concrete', text: 'Upcoming invoices are on screen, with their due dates.' }],
    },
    {
      id: 'contact_details',
      title: 'Confirming contact details',
      say: 'So that I can send you the summary, I am confirming your details: which email address and direct number do you use?',
      captures: [],
      tips: ['The details are those of the person who commits.'],
      fourC: [{ c: 'clarity', text: 'Email and phone read back letter by letter.' }],
    },
    {
      id: 'conclusion',
      title: 'Closing',
      say: 'Thank you for your time, {contact.name}. I am sending you the summary of our call today. Have a good day!',
      captures: [],
      tips: ['The end of the call matters as much as the start: the relationship stays good.'],
      fourC: [{ c: 'courtesy', text: 'A sincere thank you, a warm goodbye.' }],
    },
    {
      id: 'formalisation',
      title: 'Written record',
      say: 'The summary states the reason for the delay and the commitment; it goes to the customer as soon as the call ends.',
      captures: [
        {
          id: 'recap_channel',
          type: 'choice',
          label: 'Summary sent',
          required: true,
          options: [
            { value: 'email', label: 'By email' },
            { value: 'letter', label: 'By post' },
            { value: 'none', label: 'Not sent' },
          ],
        },
      ],
      tips: [
        'Every call stays in the history: the next one builds on the commitments made.',
        'Commitment in 15 days or a month: the summary email goes out right after the call.',
      ],
      fourC: [{ c: 'concrete', text: 'Reason, amount, date, method: everything in writing.' }],
    },
  ],
  objections: [
    {
      id: 'invoice_not_received',
      objection: 'I never received the invoice.',
      answers: ['I am sending it again by email today. Which address do you use?', 'I note your remark, and I pass it on to our team.'],
      reason: 'invoice_not_received',
    },
    {
      id: 'signatory_absent',
      objection: 'The person who signs is away.',
      answers: ['When are they back? I note that day for the payment.', 'Who signs payments while they are away?'],
      reason: 'signatory_absent',
    },
    {
      id: 'cash_flow',
      objection: 'We have a cash-flow problem.',
      answers: [
        'Thank you for telling me. What amount is possible now, and on what date for the rest?',
        'What payment plan do you propose? I take it to my manager.',
      ],
      reason: 'cash_flow',
    },
    {
      id: 'incomplete_delivery',
      objection: 'The delivery was incomplete.',
      answers: [
        'I note your remark, and I pass it on to our team.',
        'Which invoice is it, and what is missing? I set that invoice aside while we check.',
      ],
      reason: 'dispute',
    },
    {
      id: 'call_later',
      objection: 'Call back later.',
      answers: ['Of course. What day and time suit you?', 'I note a call-back for then.'],
    },
    {
      id: 'not_in_charge',
      objection: 'I am not the one who handles this.',
      answers: ['Thank you. Who handles it, and what is their direct number?', 'I note that contact and call them directly.'],
    },
    {
      id: 'approval_pending',
      objection: 'The invoice is going through approval.',
      answers: ['Where is it in the approval process? What payment date is planned after that?'],
      reason: 'approval_workflow',
    },
    {
      id: 'wrong_bank_details',
      objection: 'Your bank details are wrong.',
      answers: ['I am sending you our bank details by email today. What transfer date do you plan?'],
      reason: 'bank_details',
    },
    {
      id: 'already_paid',
      objection: 'We already paid.',
      answers: ['Thank you. On what date, and by what method? I check on my side and come back to you.'],
    },
    {
      id: 'forgotten',
      objection: 'We forgot.',
      answers: ['It happens. What payment date suits you?'],
      reason: 'forgotten',
    },
  ],
};
