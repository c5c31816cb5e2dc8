// The default digital literacy questionnaire on the four pillars of the national index
// (digital skills, ethics, safety, culture). Each statement is answered 1 (not at all like
// me) … 5 (fully like me); a pillar's score is the mean of its answers. Officers may edit the
// bank of their region; this default stays the national one.
import type { Pillar } from './training.tables.js';

/** Indonesia's national digital literacy index 2023 (overall, scale 1–5). Per-pillar national
 * figures are deliberately not shown: only the overall number is used as the reference. */
export const NATIONAL_INDEX_2023 = 3.65;

export interface DefaultQuestion {
  id: string;
  pillar: Pillar;
  id_text: string;
  en_text: string;
}

export const DEFAULT_QUESTIONS: DefaultQuestion[] = [
  {
    id: 'dq_skills_1',
    pillar: 'skills',
    id_text: 'Saya bisa memasang dan memakai aplikasi di HP tanpa dibantu.',
    en_text: 'I can install and use apps on my phone without help.',
  },
  {
    id: 'dq_skills_2',
    pillar: 'skills',
    id_text: 'Saya bisa mencari informasi di internet dan menilai apakah sumbernya bisa dipercaya.',
    en_text: 'I can search for information online and judge whether the source is trustworthy.',
  },
  {
    id: 'dq_skills_3',
    pillar: 'skills',
    id_text: 'Saya bisa memotret produk, mengirim foto dan dokumen lewat WhatsApp atau email.',
    en_text: 'I can photograph products and send photos and documents by WhatsApp or email.',
  },
  {
    id: 'dq_ethics_1',
    pillar: 'ethics',
    id_text: 'Saya memeriksa kebenaran kabar sebelum membagikannya.',
    en_text: 'I check whether news is true before sharing it.',
  },
  {
    id: 'dq_ethics_2',
    pillar: 'ethics',
    id_text: 'Saya tidak memakai foto atau tulisan orang lain tanpa izin.',
    en_text: "I do not use other people's photos or writing without permission.",
  },
  {
    id: 'dq_ethics_3',
    pillar: 'ethics',
    id_text: 'Saya menjelaskan produk saya dengan jujur (berat, bahan, tanggal kedaluwarsa).',
    en_text: 'I describe my products honestly (weight, ingredients, expiry date).',
  },
  {
    id: 'dq_safety_1',
    pillar: 'safety',
    id_text: 'Saya tidak pernah memberikan kode OTP atau PIN kepada siapa pun.',
    en_text: 'I never give my OTP code or PIN to anyone.',
  },
  {
    id: 'dq_safety_2',
    pillar: 'safety',
    id_text: 'Saya memakai kata sandi yang kuat dan berbeda untuk akun penting.',
    en_text: 'I use strong, different passwords for important accounts.',
  },
  {
    id: 'dq_safety_3',
    pillar: 'safety',
    id_text: 'Saya bisa mengenali pesan penipuan (hadiah palsu, tautan mencurigakan).',
    en_text: 'I can recognise scam messages (fake prizes, suspicious links).',
  },
  {
    id: 'dq_culture_1',
    pillar: 'culture',
    id_text: 'Saya memakai internet untuk mengenalkan produk dan budaya desa saya.',
    en_text: "I use the internet to present my village's products and culture.",
  },
  {
    id: 'dq_culture_2',
    pillar: 'culture',
    id_text: 'Saya berkomunikasi dengan sopan dan menghargai perbedaan di media sosial.',
    en_text: 'I communicate politely and respect differences on social media.',
  },
  {
    id: 'dq_culture_3',
    pillar: 'culture',
    id_text: 'Saya lebih suka membeli dan mempromosikan produk lokal secara daring.',
    en_text: 'I prefer to buy and promote local products online.',
  },
];

export type PillarScores = Record<Pillar, number>;

/** Rounds to two decimals, the precision scores are stored and shown with. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Scores a questionnaire: the mean answer per pillar. Every pillar needs at least one answer,
 * and every answer must be an integer 1–5; otherwise the list of offending question ids.
 */
export function scoreAnswers(
  questions: { id: string; pillar: Pillar }[],
  answers: Record<string, number>,
): { ok: true; scores: PillarScores } | { ok: false; bad: string[] } {
  const sums: Record<Pillar, { n: number; sum: number }> = {
    skills: { n: 0, sum: 0 },
    ethics: { n: 0, sum: 0 },
    safety: { n: 0, sum: 0 },
    culture: { n: 0, sum: 0 },
  };
  const bad: string[] = [];
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined) {
      bad.push(q.id);
      continue;
    }
    if (!Number.isInteger(a) || a < 1 || a > 5) {
      bad.push(q.id);
      continue;
    }
    sums[q.pillar].n++;
    sums[q.pillar].sum += a;
  }
  for (const id of Object.keys(answers)) if (!questions.some((q) => q.id === id)) bad.push(id);
  if (bad.length || Object.values(sums).some((s) => s.n === 0)) return { ok: false, bad };
  return {
    ok: true,
    scores: {
      skills: round2(sums.skills.sum / sums.skills.n),
      ethics: round2(sums.ethics.sum / sums.ethics.n),
      safety: round2(sums.safety.sum / sums.safety.n),
      culture: round2(sums.culture.sum / sums.culture.n),
    },
  };
}

/** The overall index of one assessment: the unweighted mean of its four pillars. */
export function overallIndex(s: PillarScores): number {
  return round2((s.skills + s.ethics + s.safety + s.culture) / 4);
}
