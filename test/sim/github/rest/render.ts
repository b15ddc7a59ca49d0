import type { CommitData, PathEntry } from './git-store.ts';
import type { Comment, Issue, Label, RepoState, WorkflowArtifact, WorkflowRun } from './repo-state.ts';

/** JSON bodies shaped like GitHub's (the fields Octokit users read, plus the usual URLs). */
const WEB = 'https://github.com';

export function nodeId(kind: string, id: string | number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64url');
}

export function user(login: string): Record<string, unknown> {
  return {
    login,
    id: 41898282,
    node_id: nodeId('User', login),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  };
}

/** GitHub wraps base64 at 60 characters in contents and blob responses. */
export function wrappedBase64(content: Buffer): string {
  const encoded = content.toString('base64');
  return encoded.replace(/(.{60})/g, '$1\n') + (encoded.length % 60 === 0 && encoded.length > 0 ? '' : '\n');
}

export class Renderer {
  constructor(
    private readonly apiUrl: string,
    private readonly repo: RepoState,
  ) {}

  private get base(): string {
    return `${this.apiUrl}/repos/${this.repo.fullName}`;
  }

  repository(permissions: Record<string, boolean>): Record<string, unknown> {
    const repo = this.repo;
    return {
      id: repo.id,
      node_id: nodeId('Repository', repo.id),
      name: repo.name,
      full_name: repo.fullName,
      owner: user(repo.owner),
      private: repo.visibility !== 'public',
      visibility: repo.visibility,
      default_branch: repo.defaultBranch,
      html_url: `${WEB}/${repo.fullName}`,
      url: this.base,
      archived: false,
      disabled: false,
      fork: false,
      size: repo.isEmpty ? 0 : 1,
      permissions,
    };
  }

  ref(ref: string, sha: string): Record<string, unknown> {
    return {
      ref,
      node_id: nodeId('Ref', ref),
      url: `${this.base}/git/${ref}`,
      object: { sha, type: 'commit', url: `${this.base}/git/commits/${sha}` },
    };
  }

  commit(sha: string, commit: CommitData): Record<string, unknown> {
    return {
      sha,
      node_id: nodeId('Commit', sha),
      url: `${this.base}/git/commits/${sha}`,
      html_url: `${WEB}/${this.repo.fullName}/commit/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${this.base}/git/trees/${commit.tree}` },
      parents: commit.parents.map((parent) => ({
        sha: parent,
        url: `${this.base}/git/commits/${parent}`,
        html_url: `${WEB}/${this.repo.fullName}/commit/${parent}`,
      })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    };
  }

  blob(sha: string, content: Buffer): Record<string, unknown> {
    return {
      sha,
      node_id: nodeId('Blob', sha),
      size: content.length,
      url: `${this.base}/git/blobs/${sha}`,
      content: wrappedBase64(content),
      encoding: 'base64',
    };
  }

  blobCreated(sha: string): Record<string, unknown> {
    return { sha, url: `${this.base}/git/blobs/${sha}` };
  }

  tree(sha: string, entries: PathEntry[]): Record<string, unknown> {
    return {
      sha,
      url: `${this.base}/git/trees/${sha}`,
      tree: entries.map((entry) => ({
        ...entry,
        url: `${this.base}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
      })),
      truncated: false,
    };
  }

  contentEntry(
    path: string,
    type: 'file' | 'dir',
    sha: string,
    size: number,
    ref: string,
  ): Record<string, unknown> {
    const name = path.split('/').at(-1) ?? path;
    const url = `${this.base}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${this.base}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
    const htmlUrl = `${WEB}/${this.repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
    return {
      type,
      name,
      path,
      sha,
      size,
      url,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url:
        type === 'file' ? `https://raw.githubusercontent.com/${this.repo.fullName}/${ref}/${path}` : null,
      _links: { self: url, git: gitUrl, html: htmlUrl },
    };
  }

  label(label: Label): Record<string, unknown> {
    return {
      id: label.id,
      node_id: nodeId('Label', label.id),
      url: `${this.base}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      description: label.description,
      default: false,
    };
  }

  issue(issue: Issue): Record<string, unknown> {
    const kind = issue.isPullRequest ? 'pull' : 'issues';
    const body: Record<string, unknown> = {
      id: issue.id,
      node_id: nodeId('Issue', issue.id),
      number: issue.number,
      url: `${this.base}/issues/${issue.number}`,
      html_url: `${WEB}/${this.repo.fullName}/${kind}/${issue.number}`,
      comments_url: `${this.base}/issues/${issue.number}/comments`,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason,
      labels: issue.labels.map((name) => {
        const label = this.repo.findLabel(name);
        return label ? this.label(label) : { name };
      }),
      user: user(issue.user),
      comments: issue.comments.length,
      locked: false,
      assignees: [],
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
    };
    if (issue.isPullRequest) {
      body.pull_request = { url: `${this.base}/pulls/${issue.number}`, html_url: body.html_url };
    }
    return body;
  }

  comment(issue: Issue, comment: Comment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: nodeId('IssueComment', comment.id),
      url: `${this.base}/issues/comments/${comment.id}`,
      html_url: `${WEB}/${this.repo.fullName}/issues/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `${this.base}/issues/${issue.number}`,
      body: comment.body,
      user: user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  }

  workflowRun(run: WorkflowRun): Record<string, unknown> {
    return {
      id: run.id,
      name: run.path.replace(/^.*\//, ''),
      path: run.path,
      event: run.event,
      head_branch: run.headBranch,
      status: 'completed',
      html_url: `https://github.com/${this.repo.owner}/${this.repo.name}/actions/runs/${run.id}`,
      repository: { id: this.repo.id, full_name: `${this.repo.owner}/${this.repo.name}` },
      head_repository: { id: run.headRepositoryId },
    };
  }

  artifact(artifact: WorkflowArtifact): Record<string, unknown> {
    return {
      id: artifact.id,
      node_id: nodeId('Artifact', artifact.id),
      name: artifact.name,
      size_in_bytes: artifact.sizeInBytes,
      url: `${this.base}/actions/artifacts/${artifact.id}`,
      archive_download_url: `${this.base}/actions/artifacts/${artifact.id}/zip`,
      expired: artifact.expired,
      digest: artifact.digest ?? null,
      created_at: artifact.createdAt,
      updated_at: artifact.createdAt,
      expires_at: artifact.expiresAt,
      workflow_run: {
        id: artifact.workflowRunId,
        repository_id: this.repo.id,
        head_repository_id: artifact.headRepositoryId,
        head_branch: artifact.headBranch,
        head_sha: artifact.headSha,
      },
    };
  }
}
