// Real-world Angular shapes of XSS: DomSanitizer bypasses of route and API data, each followed by its fix.
import { Component, OnInit } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';

@Component({ selector: 'app-search-result', template: '<span [innerHTML]="searchValue"></span>' })
export class SearchResultComponent implements OnInit {
  searchValue?: SafeHtml;
  constructor(private readonly route: ActivatedRoute, private readonly sanitizer: DomSanitizer) {}

  ngOnInit() {
    const queryParam: string = this.route.snapshot.queryParams.q;
    // expect: xss
    this.searchValue = this.sanitizer.bypassSecurityTrustHtml(queryParam);
  }
}

@Component({ selector: 'app-search-fixed', template: '<span>{{ searchValue }}</span>' })
export class SearchFixedComponent implements OnInit {
  searchValue?: string;
  constructor(private readonly route: ActivatedRoute) {}

  ngOnInit() {
    // ok: xss
    this.searchValue = this.route.snapshot.queryParams.q;
  }
}

@Component({ selector: 'app-users', template: '<td [innerHTML]="user.email"></td>' })
export class UsersComponent {
  constructor(private readonly sanitizer: DomSanitizer) {}

  render(users: { email: string }[]) {
    for (const user of users) {
      // expect: xss
      (user as any).email = this.sanitizer.bypassSecurityTrustHtml(`<span>${user.email}</span>`);
    }
  }

  logo() {
    // ok: xss
    return this.sanitizer.bypassSecurityTrustHtml('<svg><circle r="4"/></svg>');
  }
}
