import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Paper } from '../src/data/types.js';

const paper: Paper = {
  id: '2510.01982',
  title: 'G^2RPO: Granular GRPO for Precise Reward in Flow Models',
  abstract:
    'The integration of online reinforcement learning (RL) into diffusion and flow models has recently emerged as a promising approach for aligning generative models with human preferences. Stochastic sampling via Stochastic Differential Equations (SDE) is employed during the denoising process to generate diverse denoising directions for RL exploration.',
  authors: [{ name: 'Yujie Zhou' }, { name: 'Pengyang Ling' }, { name: 'Jiazi Bu' }],
  published: '2025-10-02',
  upvotes: 12,
  links: { paper: 'https://huggingface.co/papers/2510.01982', arxiv: 'https://arxiv.org/abs/2510.01982', pdf: 'https://arxiv.org/pdf/2510.01982' },
};

const meta: Meta = {
  title: 'Elements/paper-card',
  component: 'paper-card',
  render: (args) => html`<paper-card .paper=${args.paper as Paper} ?expanded=${args.expanded as boolean}></paper-card>`,
  args: { paper, expanded: false },
};
export default meta;

export const Default: StoryObj = {};
